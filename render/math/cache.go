package math

import (
	"os"
	"path/filepath"
)

// diskCache keeps one file per formula: dir/math/<2 hex>/<sha256>.html for
// typeset formulas and .err (holding KaTeX's message) for rejected ones.
// Files are written to a temporary name and renamed, so a reader never
// sees half a file, even with several builds sharing the folder.
type diskCache struct {
	dir string
}

func (c *diskCache) path(key, ext string) string {
	return filepath.Join(c.dir, "math", key[:2], key+ext)
}

func (c *diskCache) get(key string) (result, bool) {
	if b, err := os.ReadFile(c.path(key, ".html")); err == nil {
		return result{html: string(b)}, true
	}
	if b, err := os.ReadFile(c.path(key, ".err")); err == nil && len(b) > 0 {
		return result{err: string(b)}, true
	}
	return result{}, false
}

func (c *diskCache) put(key string, r result) error {
	ext, data := ".html", r.html
	if r.err != "" {
		ext, data = ".err", r.err
	}
	p := c.path(key, ext)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), key+".*.tmp")
	if err != nil {
		return err
	}
	_, werr := f.WriteString(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(f.Name())
		if werr != nil {
			return werr
		}
		return cerr
	}
	if err := os.Rename(f.Name(), p); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return nil
}
