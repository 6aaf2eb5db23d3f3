package main

import (
	"io"

	"github.com/spf13/cobra"
)

func checkCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check links, anchors and references in the content folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageErr("check is not available yet")
		},
	}
	return cmd
}
