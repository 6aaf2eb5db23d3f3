package graph

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// JSON writes the graph for the browser and for other tools:
//
//	{"lang":"zh-CN","chapters":[{"title":…,"number":"1"},…],
//	 "nodes":[{"id":0,"title":…,"number":"1","url":"/01-overview/","chapter":1,"degree":12,"x":-310,"y":42},…],
//	 "edges":[[0,5],…]}
//
// URLs are site paths without the base path. Positions are rounded to whole
// units (about a thirtieth of an edge), which is finer than any screen
// shows and keeps the file small. The output depends only on the graph, so
// the same site gives the same bytes.
func JSON(g *Graph) []byte {
	var b bytes.Buffer
	b.WriteString(`{"lang":`)
	str(&b, g.Lang)
	b.WriteString(`,"chapters":[`)
	for i, c := range g.Chapters {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"title":`)
		str(&b, c.Title)
		if c.Number != "" {
			b.WriteString(`,"number":`)
			str(&b, c.Number)
		}
		b.WriteByte('}')
	}
	b.WriteString("],\n\"nodes\":[")
	for i, n := range g.Nodes {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"id":`)
		b.WriteString(strconv.Itoa(n.ID))
		b.WriteString(`,"title":`)
		str(&b, n.Title)
		if n.Number != "" {
			b.WriteString(`,"number":`)
			str(&b, n.Number)
		}
		b.WriteString(`,"url":`)
		str(&b, n.URL)
		b.WriteString(`,"chapter":`)
		b.WriteString(strconv.Itoa(n.Chapter))
		b.WriteString(`,"degree":`)
		b.WriteString(strconv.Itoa(n.Degree))
		b.WriteString(`,"x":`)
		b.WriteString(strconv.Itoa(round(n.X)))
		b.WriteString(`,"y":`)
		b.WriteString(strconv.Itoa(round(n.Y)))
		b.WriteByte('}')
	}
	b.WriteString("],\n\"edges\":[")
	for i, e := range g.Edges {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(e.From))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(e.To))
		b.WriteByte(']')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func round(f float64) int {
	r := math.Round(f)
	if r == 0 {
		return 0 // never "-0"
	}
	return int(r)
}

// str writes a JSON string without HTML escaping (the file is never
// inlined into a page).
func str(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}
