package site

import (
	"bytes"
	"docsite/internal/citation"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/workers"
)

// Load lists the content folder and reads every Markdown file. It follows no
// symlink out of root, skips hidden files, and reports what it cannot read
// as diagnostics rather than failing, so the rest of the site still builds.
// It returns an error only when root itself cannot be read.
func Load(root string, cfg *config.Config) (*Site, error) {
	return LoadWith(root, cfg, nil)
}

// LoadWith is Load with some pages' bytes given instead of read from disk
// (path relative to root → contents): docsite fix checks its repairs on the
// model before it writes a byte.
func LoadWith(root string, cfg *config.Config, overlay map[string][]byte) (*Site, error) {
	if cfg == nil {
		cfg = config.Default()
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("content folder %s: %w", root, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("content folder %s is not a folder", root)
	}
	// A symbolic link as the root is resolved once, so the walk descends
	// into it; links below the root are judged one by one (see symlink).
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	s := &Site{
		overlay: overlay,
		Root:    root,
		Config:  cfg,
		Dirs:    map[string]*Dir{"": {Path: "", Landing: map[string]*Page{}}},
		ByPath:  map[string]*Page{},
		ByURL:   map[string]*Page{},
		FileSet: map[string]string{},
		Exists:  map[string]bool{"": true},
	}
	absRoot, _ := filepath.Abs(root)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if err != nil {
			s.report(rel, RuleLoadUnreadable, err.Error())
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if hidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return s.symlink(absRoot, p, rel)
		}
		if d.IsDir() {
			s.addDir(rel)
			return nil
		}
		if !d.Type().IsRegular() {
			// A named pipe would block the build forever, a socket fail it.
			s.report(rel, RuleLoadSpecialFile, "not a regular file (pipe, socket or device); not published")
			return nil
		}
		s.addFile(p, rel)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.readListed()
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].Path < s.Pages[j].Path })
	sort.Strings(s.Files)
	s.pickLandings()
	for _, p := range s.Pages {
		s.ByPath[p.Path] = p
	}
	return s, nil
}

func hidden(name string) bool {
	return (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) && name != "_index.md"
}

// symlink accepts a link to a file inside the content folder and reports any
// other: a link to a folder is never followed (it could loop), and one that
// leaves the content folder could publish files from elsewhere.
func (s *Site) symlink(absRoot, p, rel string) error {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		s.report(rel, RuleLoadSymlink, "broken symbolic link: "+err.Error())
		return nil
	}
	abs, _ := filepath.Abs(target)
	inside := abs == absRoot || strings.HasPrefix(abs, absRoot+string(filepath.Separator))
	st, err := os.Stat(target)
	switch {
	case err != nil:
		s.report(rel, RuleLoadSymlink, err.Error())
	case !inside:
		s.report(rel, RuleLoadSymlink, "symbolic link to "+target+" leaves the content folder; not followed")
	case st.IsDir():
		s.report(rel, RuleLoadSymlink, "symbolic link to a folder; not followed")
	case !st.Mode().IsRegular():
		s.report(rel, RuleLoadSpecialFile, "symbolic link to a pipe, socket or device; not published")
	default:
		s.addFile(p, rel)
	}
	return nil
}

func (s *Site) report(rel string, rule diag.RuleID, msg string) {
	s.Diagnostics = append(s.Diagnostics, diag.Diagnostic{
		File: rel, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
		Severity: diag.Warning, Rule: rule, Message: msg,
	})
}

func (s *Site) addDir(rel string) {
	s.Dirs[rel] = &Dir{Path: rel, Landing: map[string]*Page{}}
	s.Exists[rel] = true
	s.FileSet[strings.ToLower(rel)] = rel
}

// addFile lists a file found by the walk; readListed reads them all.
func (s *Site) addFile(p, rel string) {
	if other, ok := s.FileSet[strings.ToLower(rel)]; ok && other != rel {
		s.report(rel, RuleLoadCaseConflict, "differs from "+other+" only in upper and lower case: on a macOS or Windows checkout one overwrites the other")
	}
	s.FileSet[strings.ToLower(rel)] = rel
	s.listed = append(s.listed, listedFile{p, rel})
}

type listedFile struct{ path, rel string }

// readListed reads the pages and opens the files to copy, on all CPUs: a
// page is read, a file only opened, since either may have become
// unreadable, or been swapped for a pipe, since the folder was listed.
// What cannot be read is left out and named; the rest of the site goes on.
func (s *Site) readListed() {
	type read struct {
		page *Page
		err  error
	}
	got := make([]read, len(s.listed))
	workers.Each(workers.Indexes(len(s.listed)), 0, func(i int) {
		f := s.listed[i]
		src, isPage := s.overlay[f.rel]
		p := f.path
		if isPage {
			p = "" // given: nothing to read
		}
		isPage = isPage || strings.HasSuffix(strings.ToLower(f.rel), ".md")
		err := readRegular(p, func(fh *os.File, size int64) (err error) {
			if isPage && src == nil {
				// One buffer of the file's size (and room to see its end):
				// io.ReadAll would grow and copy it a few times.
				b := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
				_, err = b.ReadFrom(fh)
				src = b.Bytes()
			}
			return err
		})
		got[i].err = err
		if err == nil && isPage {
			got[i].page = s.newPage(f.rel, src)
		}
	})
	for i, f := range s.listed {
		switch r := got[i]; {
		case r.err != nil:
			s.report(f.rel, RuleLoadUnreadable, r.err.Error())
			delete(s.FileSet, strings.ToLower(f.rel))
		case r.page != nil:
			s.Exists[f.rel] = true
			s.Pages = append(s.Pages, r.page)
		default:
			s.Exists[f.rel] = true
			s.Files = append(s.Files, f.rel)
		}
	}
	s.listed = nil
}

// readRegular opens p without blocking (a pipe swapped in would block an
// ordinary open), makes sure it is a regular file, and hands it to read.
func readRegular(p string, read func(f *os.File, size int64) error) error {
	if p == "" {
		return read(nil, 0)
	}
	f, err := os.OpenFile(p, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("not a regular file")
	}
	return read(f, st.Size())
}

func (s *Site) newPage(rel string, src []byte) *Page {
	lang, key := s.langOf(rel)
	p := &Page{
		Path:   rel,
		Dir:    dirOf(rel),
		Lang:   lang,
		Key:    key,
		Source: src,
		Lines:  diag.NewLines(src),
	}
	p.readFrontMatter()
	// Read here, on the CPU that read the file: the citation index needs
	// every page's definitions before any page is parsed.
	p.Defs, p.BadDefs = citation.ParseDefs(p.Source, p.BodyOffset)
	p.DefsRead = true
	return p
}

// langOf reads the language from the file name: page.en.md is English,
// page.zh.md Chinese, anything else the site's default language.
func (s *Site) langOf(rel string) (lang, key string) {
	base := strings.TrimSuffix(rel, path.Ext(rel))
	if ext := path.Ext(base); ext != "" {
		if l := knownLang(ext[1:]); l != "" {
			return l, base[:len(base)-len(ext)] + ".md"
		}
	}
	return s.Config.Language, rel
}

// knownLang maps a file-name language suffix to a language tag.
func knownLang(suffix string) string {
	switch strings.ToLower(suffix) {
	case "en":
		return "en"
	case "zh", "zh-cn", "cn":
		return "zh-CN"
	}
	return ""
}

// dirOf is path.Dir with "" for the root, as Dir paths are keyed.
func dirOf(rel string) string {
	if d := path.Dir(rel); d != "." {
		return d
	}
	return ""
}
