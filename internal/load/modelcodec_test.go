package load

import (
	"reflect"
	"strings"
	"testing"

	"docsite/internal/diagram"
	"docsite/internal/site"
)

func TestModelCodecRoundTrip(t *testing.T) {
	m := pageModel{
		Title: "标题", H1Offset: -3,
		Headings: []site.Heading{{Level: 2, Text: "1 概述", ID: "1-概述", Offset: 40}},
		Anchors:  map[string]site.Anchor{"a": {Offset: 1, Explicit: true}, "": {}},
		Links:    []site.Link{{Dest: "x.md#y", Section: -1, Text: [2]int{3, 9}}},
		Code:     []site.CodeBlock{},
		Diagrams: []site.Diagram{{Source: "graph TD", Err: &diagram.Error{}}, {}},
		HasMath:  true, HiddenTOC: [2]int{7, 99},
	}
	b, err := encodeModel(m, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got pageModel
	if err := decodeModel(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, m)
	}
	// Every cut of the value is refused, never half-read.
	for i := range b {
		if decodeModel(b[:i], new(pageModel)) == nil {
			t.Fatalf("a value cut at %d of %d bytes was read", i, len(b))
		}
	}
}

func TestModelCodecRefusesUnexported(t *testing.T) {
	type hidden struct{ secret int }
	if _, err := encodeModel(hidden{}, 0); err == nil || !strings.Contains(err.Error(), "unexported") {
		t.Fatalf("err = %v, want a refusal naming the unexported field", err)
	}
}

func FuzzModelCodec(f *testing.F) {
	b, _ := encodeModel(pageModel{Title: "t", Links: []site.Link{{Dest: "d"}}, Anchors: map[string]site.Anchor{"a": {}}}, 0)
	f.Add(b)
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		var m pageModel
		if decodeModel(b, &m) != nil {
			return
		}
		again, err := encodeModel(m, 0)
		if err != nil {
			t.Fatal(err)
		}
		var m2 pageModel
		if err := decodeModel(again, &m2); err != nil || !reflect.DeepEqual(m, m2) {
			t.Fatalf("a value read once does not read the same again: %v", err)
		}
	})
}
