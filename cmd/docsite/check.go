package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"docsite/check"
	"docsite/check/report"
	"docsite/render/build"
	"docsite/render/diag"
)

func checkCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		content, cfgPath, format string
		strict                   bool
	)
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check links, anchors and references in the content folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(report.Formats, format) {
				return usageErr("--format %q is not one of %s", format, strings.Join(report.Formats, ", "))
			}
			cfg, err := loadConfig(cfgPath, "")
			if err != nil {
				return err
			}
			if err := checkContent(content); err != nil {
				return err
			}
			pl, err := build.NewPipeline(build.Options{})
			if err != nil {
				return err
			}
			s, err := pl.Model(build.Options{Content: content, Config: cfg})
			if err != nil {
				return usageErr("%v", err)
			}
			ds := check.Run(s, cfg)
			sum := check.Summary(s, ds)
			opts := []report.Option{
				report.WithToolVersion(version),
				report.WithPathPrefix(repoPrefix(content)),
				report.WithSource(func(file string) []byte {
					if p := s.ByPath[file]; p != nil {
						return p.Source
					}
					b, _ := os.ReadFile(filepath.Join(content, filepath.FromSlash(file)))
					return b
				}),
			}
			if f, ok := stdout.(*os.File); ok && format == "text" {
				opts = append(opts, report.WithColor(report.ColorAllowed(f)))
			}
			if err := report.Write(stdout, format, ds, sum, opts...); err != nil {
				return err
			}
			errs, warns := diag.Count(ds)
			if errs > 0 || (strict && warns > 0) {
				return &exitError{code: 1, err: fmt.Errorf("")}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&content, "content", "content", "folder of Markdown to check")
	f.StringVar(&cfgPath, "config", "", "configuration file (default ./docsite.yaml when present)")
	f.StringVar(&format, "format", "text", "output format: text, json, github or sarif")
	f.BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	return cmd
}

// repoPrefix is the content folder as seen from the repository root, so
// GitHub annotations and SARIF locations land on the right file. Outside a
// git checkout it is the folder as given.
func repoPrefix(content string) string {
	abs, err := filepath.Abs(content)
	if err != nil {
		return filepath.ToSlash(content)
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			rel, _ := filepath.Rel(dir, abs)
			if rel == "." {
				return ""
			}
			return filepath.ToSlash(rel)
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	if filepath.IsAbs(content) {
		return ""
	}
	return filepath.ToSlash(filepath.Clean(content))
}
