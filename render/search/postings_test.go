package search

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestListRoundTrip(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "核心理念", Sections: []Section{{Text: "核心理念、理念演进"}, {Heading: "理念", Text: "x"}}},
		{URL: "/b/", Title: "b", Sections: []Section{{Text: "理念 " + fmt.Sprint(make([]int, 40))}}},
	}
	files, _, err := Build(docs, WithShardSize(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	var m meta
	mustJSON(t, files["search/und/meta.json"], &m)
	var raw map[string]string
	mustJSON(t, files["search/und/shard-0.json"], &raw)
	l, err := decodeList(raw["理念"], false)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(l.secs, l.titles)
	want := "[{0 8 0 2 [] [2 5]} {1 2 1 0 [0] []} {2 11 0 1 [] [0]}] [{0 4 [2]}]"
	if got != want {
		t.Errorf("理念: %s, want %s", got, want)
	}
	if u, _ := decodeList(raw["理"], true); len(u.secs) != 2 || u.secs[0].sec != 1 || u.secs[0].hc != 1 {
		t.Errorf("理 should have a posting per page, on its heading: %+v", u.secs)
	}
}

func FuzzDecodeList(f *testing.F) {
	for _, s := range []string{"", "1", "30", "C9", "_____", "w", "!", "0000000000000000", "0111.0111"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, uni := range []bool{false, true} {
			l, err := decodeList(s, uni)
			if err != nil {
				continue
			}
			for i, p := range l.secs {
				if p.sec < 0 || i > 0 && p.sec < l.secs[i-1].sec || !uni && (len(p.head) != p.hc || len(p.body) != p.bc) {
					t.Fatalf("%q decoded to bad posting %+v", s, p)
				}
			}
		}
	})
}

func mustJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
