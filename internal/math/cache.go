package math

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// diskCache keeps the results of one engine configuration in a single
// append-only file, dir/math/katex-<fingerprint>.log. One file rather than
// one per formula, because creating a file costs far more than appending
// to one (about 0.75 ms against 5 µs on the CI disk), and a cold build
// adds thousands of entries.
//
// Each record is a header line "<key> <h|e> <length> <crc32>\n" followed
// by the payload and "\n"; h is typeset HTML, e a KaTeX error message.
// Every record goes out in one write to a file opened with O_APPEND, so
// builds sharing the folder do not interleave records. Reading stops at the
// first torn or malformed record (a build killed mid-write); the next
// append first cuts that tail off.
type diskCache struct {
	path string

	loadOnce sync.Once
	entries  map[string]result // loaded on first use
	good     int64             // length of the intact prefix of the file
	size     int64             // length of the file when loaded

	mu sync.Mutex // guards f
	f  *os.File
}

func newDiskCache(dir, fingerprint string) *diskCache {
	return &diskCache{path: filepath.Join(dir, "math", "katex-"+fingerprint[:16]+".log")}
}

// get returns the entry for key written by this or an earlier build.
func (c *diskCache) get(key string) (result, bool) {
	c.loadOnce.Do(c.load)
	r, ok := c.entries[key]
	return r, ok
}

func (c *diskCache) load() {
	c.entries = make(map[string]result)
	f, err := os.Open(c.path)
	if err != nil {
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		c.size = st.Size()
	}
	c.good, _ = readRecords(bufio.NewReaderSize(f, 1<<16), func(key string, r result) {
		c.entries[key] = r
	})
}

// readRecords calls fn for each intact record. It returns the length of
// the well-framed prefix it read and the error that stopped it (nil at a
// clean end of file).
func readRecords(br *bufio.Reader, fn func(string, result)) (int64, error) {
	var good int64
	for {
		header, err := br.ReadString('\n')
		if err == io.EOF && header == "" {
			return good, nil
		}
		if err != nil {
			return good, err
		}
		key, kind, n, sum, ok := parseHeader(header)
		if !ok {
			return good, fmt.Errorf("bad header %q", header)
		}
		buf := make([]byte, n+1)
		if _, err := io.ReadFull(br, buf); err != nil {
			return good, err
		}
		if buf[n] != '\n' {
			return good, errors.New("record without its line break")
		}
		good += int64(len(header)) + int64(n) + 1
		payload := buf[:n]
		if crc32.ChecksumIEEE(payload) != sum {
			continue // damaged payload, intact framing: skip just this one
		}
		switch kind {
		case "h":
			fn(key, result{html: string(payload)})
		case "e":
			fn(key, result{err: string(payload)})
		}
	}
}

// parseHeader reads "<key> <kind> <length> <crc32 hex>\n".
func parseHeader(h string) (key, kind string, n int, sum uint32, ok bool) {
	f := strings.Fields(h)
	if len(f) != 4 {
		return "", "", 0, 0, false
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 0 || n > 64<<20 {
		return "", "", 0, 0, false
	}
	s, err := strconv.ParseUint(f[3], 16, 32)
	if err != nil {
		return "", "", 0, 0, false
	}
	return f[0], f[1], n, uint32(s), true
}

// put appends one entry. A failure only costs a later build some time.
func (c *diskCache) put(key string, r result) error {
	kind, payload := "h", r.html
	if r.err != "" {
		kind, payload = "e", r.err
	}
	var rec bytes.Buffer
	rec.Grow(len(key) + len(payload) + 32)
	rec.WriteString(key)
	rec.WriteString(" " + kind + " ")
	rec.WriteString(strconv.Itoa(len(payload)))
	rec.WriteString(" " + strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(payload))), 16) + "\n")
	rec.WriteString(payload)
	rec.WriteByte('\n')

	c.loadOnce.Do(c.load)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(c.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		// A torn tail would swallow the records appended after it. Cut
		// it off, unless another build has appended since we read.
		if c.good < c.size {
			if st, err := f.Stat(); err == nil && st.Size() == c.size {
				_ = f.Truncate(c.good)
			}
		}
		c.f = f
	}
	_, err := c.f.Write(rec.Bytes())
	return err
}

func (c *diskCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f = nil
	return err
}
