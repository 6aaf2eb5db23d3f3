package main

import (
	"fmt"
	"os"
	"path/filepath"

	"docsite/check"
	"docsite/internal/config"
)

// loadConfig reads --config, or docsite.yaml in the working directory when
// present; a bad file is a usage error (exit 2) that names the key and line.
func loadConfig(path string, baseURL string) (*config.Config, error) {
	required := path != ""
	if path == "" {
		path = "docsite.yaml"
	}
	cfg, err := config.Load(path, required, config.WithRules(check.RuleIDs()))
	if err != nil {
		return nil, usageErr("configuration: %v", err)
	}
	if baseURL != "" {
		cfg.BaseURL = baseURL
	}
	return cfg, nil
}

// setup is what every command does first: read the configuration and make
// sure the content folder can be read.
func setup(cfgPath, baseURL, content string) (*config.Config, error) {
	cfg, err := loadConfig(cfgPath, baseURL)
	if err != nil {
		return nil, err
	}
	return cfg, checkContent(content)
}

// checkContent makes an unreadable content folder a usage error with advice.
func checkContent(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return usageErr("cannot read the content folder %s (%v); pass --content DIR", dir, errUnwrap(err))
	}
	if !st.IsDir() {
		return usageErr("%s is not a folder; pass --content DIR", dir)
	}
	return nil
}

func errUnwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// defaultCacheDir is docsite's folder under the user's cache directory.
func defaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "docsite-cache")
	}
	return filepath.Join(d, "docsite")
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
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
