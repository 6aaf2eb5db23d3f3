// Command docsite publishes, previews and checks a Markdown knowledge base.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set by the Makefile from git; "dev" otherwise.
var version = "dev"

// exitError carries an exit code through cobra: 1 findings, 2 bad usage.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, a ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, a...)}
}

func main() {
	// A soft memory limit keeps a 1,200-page build under its 500 MB budget:
	// the collector works harder near the limit instead of letting the heap
	// double. GOMEMLIMIT set by the user wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(420 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without os.Exit, so the CLI tests can call it in-process.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "docsite:", ee.err)
		}
		return ee.code
	}
	// Errors cobra raises itself are bad usage: unknown flags and commands.
	fmt.Fprintln(stderr, "docsite:", err)
	fmt.Fprintln(stderr, "Run 'docsite --help' for usage.")
	return 2
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "docsite",
		Short:         "Publish, preview and check a Chinese/English Markdown knowledge base",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(buildCmd(stdout, stderr), checkCmd(stdout, stderr), serveCmd(stdout, stderr), fixCmd(stdout, stderr), versionCmd(stdout))
	return root
}

func versionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print docsite's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(stdout, "docsite", version)
		},
	}
}
