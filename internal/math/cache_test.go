package math

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestDiskCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	fp := strings.Repeat("ab", 32)
	c := newDiskCache(dir, fp)
	want := map[string]result{
		"k1": {html: "<span>a\nb</span>"},
		"k2": {err: "KaTeX parse error: x"},
		"k3": {html: ""},
	}
	for k, r := range want {
		if err := c.put(k, r); err != nil {
			t.Fatal(err)
		}
	}
	_ = c.close()
	c2 := newDiskCache(dir, fp)
	for k, r := range want {
		if got, ok := c2.get(k); !ok || got != r {
			t.Errorf("get(%q) = %+v, %v; want %+v", k, got, ok, r)
		}
	}
	if _, ok := c2.get("missing"); ok {
		t.Error("hit for a key never put")
	}
	// Another fingerprint (another KaTeX) does not see these entries.
	if _, ok := newDiskCache(dir, strings.Repeat("cd", 32)).get("k1"); ok {
		t.Error("entry shared across fingerprints")
	}
}

func TestDiskCacheTornTail(t *testing.T) {
	dir := t.TempDir()
	fp := strings.Repeat("ef", 32)
	c := newDiskCache(dir, fp)
	_ = c.put("a", result{html: "A"})
	_ = c.put("b", result{html: "B"})
	_ = c.close()

	// A build killed in the middle of a record.
	f, err := os.OpenFile(c.path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("c h 100 0\n<span>only part")
	_ = f.Close()

	c2 := newDiskCache(dir, fp)
	if _, ok := c2.get("b"); !ok {
		t.Fatal("intact records lost to a torn tail")
	}
	_ = c2.put("d", result{html: "D"})
	_ = c2.close()

	c3 := newDiskCache(dir, fp)
	for _, k := range []string{"a", "b", "d"} {
		if _, ok := c3.get(k); !ok {
			t.Errorf("%q lost after appending past a torn tail", k)
		}
	}
	data, _ := os.ReadFile(c.path)
	if bytes.Contains(data, []byte("only part")) {
		t.Error("torn tail was not cut off")
	}
}

func TestDiskCacheCorruptPayload(t *testing.T) {
	dir := t.TempDir()
	fp := strings.Repeat("01", 32)
	c := newDiskCache(dir, fp)
	_ = c.put("a", result{html: "AAAA"})
	_ = c.put("b", result{html: "BBBB"})
	_ = c.close()
	data, _ := os.ReadFile(c.path)
	_ = os.WriteFile(c.path, bytes.Replace(data, []byte("AAAA"), []byte("AXAA"), 1), 0o644)
	c2 := newDiskCache(dir, fp)
	if _, ok := c2.get("a"); ok {
		t.Error("corrupt entry served")
	}
	if r, ok := c2.get("b"); !ok || r.html != "BBBB" {
		t.Error("entry after a corrupt one lost")
	}
}

func FuzzReadRecords(f *testing.F) {
	f.Add([]byte("k h 1 e8b7be43\na\n"))
	f.Add([]byte("k e 3 0\nabc\nk2 h 0 0\n\n"))
	f.Add([]byte("k h 99999999999 0\n"))
	f.Add([]byte("k h -1 0\n"))
	f.Add([]byte("\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		good, _ := readRecords(bufio.NewReader(bytes.NewReader(data)), func(string, result) {})
		if good < 0 || good > int64(len(data)) {
			t.Fatalf("good prefix %d of %d bytes", good, len(data))
		}
	})
}
