package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// target is one page Lighthouse is run on.
type target struct {
	Name, URL   string // URL is the site path, "/a/b/"
	Bytes, Math int
}

// pick chooses the pages of the built site at dir the way the budget
// names them: the home page, the page with the most formulas, and the
// biggest page by HTML bytes. The whole-graph page and 404.html are left
// out of the last two: they are pages of their own kind.
func pick(dir string) ([]target, error) {
	var most, biggest target
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel, _ := filepath.Rel(dir, p); rel == "assets" || rel == "search" {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() != "index.html" {
			return nil
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		u := "/"
		if rel != "." {
			u = "/" + filepath.ToSlash(rel) + "/"
		}
		if u == "/" || strings.HasSuffix(u, "/graph/") {
			return nil
		}
		b, err := readFile(p)
		if err != nil {
			return err
		}
		t := target{URL: u, Bytes: len(b), Math: bytes.Count(b, []byte("<math"))}
		if t.Math > most.Math || (t.Math == most.Math && t.Math > 0 && t.URL < most.URL) {
			most = t
		}
		if t.Bytes > biggest.Bytes || (t.Bytes == biggest.Bytes && t.URL < biggest.URL) {
			biggest = t
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	home, err := readFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return nil, err
	}
	out := []target{{Name: "home", URL: "/", Bytes: len(home), Math: bytes.Count(home, []byte("<math"))}}
	if most.URL != "" {
		most.Name = "most formulas"
		out = append(out, most)
	}
	if biggest.URL != "" {
		biggest.Name = "biggest page"
		out = append(out, biggest)
	}
	return out, nil
}

// label is how a target is named in the table: "home", or its kind and a
// short path.
func label(t target) string {
	if t.URL == "/" {
		return t.Name
	}
	return t.Name + " (" + path.Base(strings.TrimSuffix(t.URL, "/")) + ")"
}

func readFile(p string) ([]byte, error) { return os.ReadFile(p) }
