package search

import (
	"slices"
	"testing"
)

func TestPostingsRoundTrip(t *testing.T) {
	tests := [][]int32{
		{},
		{0, 2},                                // section 0, tf 1
		{0, 1},                                // heading only
		{3, 7, 4, 0 << 1, 40000, 1000<<1 | 1}, // tf 3 with heading, tf 0 without, large gap and tf
		{0, 4, 1, 6, 2, 8},                    // tf 2, 3, 4
	}
	for _, in := range tests {
		enc := string(appendPostings(nil, in))
		got, err := decodePostings(enc)
		if err != nil {
			t.Fatalf("%v: %v", in, err)
		}
		var want []int
		for i := 0; i < len(in); i += 2 {
			want = append(want, int(in[i]), int(in[i+1]>>1), int(in[i+1]&1))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v encoded as %q decodes to %v, want %v", in, enc, got, want)
		}
	}
	if got := string(appendPostings(nil, []int32{0, 2, 1, 2, 2, 2})); got != "199" {
		t.Errorf("dense list encoded as %q, want one digit a posting", got)
	}
}

func FuzzDecodePostings(f *testing.F) {
	for _, s := range []string{"", "1", "30", "C9", "_____", "w", "!", "0000000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := decodePostings(s)
		if err != nil {
			return
		}
		if len(p)%3 != 0 {
			t.Fatalf("%q decoded to %d numbers", s, len(p))
		}
		for i := 0; i < len(p); i += 3 {
			if p[i] < 0 || p[i+1] < 0 || p[i+2] > 1 || i > 0 && p[i] < p[i-3] {
				t.Fatalf("%q decoded to bad posting %v", s, p[i:i+3])
			}
		}
	})
}
