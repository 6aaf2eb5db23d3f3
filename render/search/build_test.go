package search

import (
	"docsite/internal/sitetest"

	"bytes"
	"encoding/json"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// small is a two-language corpus small enough to read its index by eye.
var small = []Doc{
	{URL: "/a/", Title: "1. 总览", Lang: "zh-CN", Number: "1", Sections: []Section{
		{Text: "云原生\n技术栈"},
		{Heading: "1.1 核心理念", Anchor: "11-核心理念", Level: 2, Text: "K8s部署 \"quoted\" <b>"},
	}},
	{URL: "/b/", Title: "Orchestration", Lang: "en", Sections: []Section{
		{Heading: "Intro", Anchor: "intro", Level: 2, Text: "Pods, pods and PODS."},
	}},
	{URL: "/c/", Title: "2. 理念", Lang: "zh-CN", Number: "2"},
}

func TestBuildGolden(t *testing.T) {
	files, _, err := Build(small, WithShardSize(300))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(files)) {
		b.WriteString("== " + name + "\n")
		b.Write(files[name])
		b.WriteString("\n")
		if !json.Valid(files[name]) {
			t.Errorf("%s is not valid JSON", name)
		}
	}
	sitetest.Golden(t, "testdata/small.golden", b.Bytes())
}

func TestBuildDeterministic(t *testing.T) {
	docs := loadFixtures(t)
	a, sa, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, sb, err := Build(docs)
		if err != nil {
			t.Fatal(err)
		}
		if sa != sb || len(a) != len(b) {
			t.Fatalf("stats or file count differ: %+v vs %+v", sa, sb)
		}
		for k, v := range a {
			if !bytes.Equal(v, b[k]) {
				t.Fatalf("%s differs between builds", k)
			}
		}
	}
}

func TestBuildStats(t *testing.T) {
	files, st, err := Build(loadFixtures(t), WithShardSize(2048))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, f := range files {
		total += len(f)
	}
	if st.IndexBytes != total || st.IndexBytes != st.MetaBytes+st.ShardBytes+st.DocBytes+len(files["search/langs.json"]) {
		t.Errorf("byte counts do not add up: %+v, files total %d", st, total)
	}
	if st.Langs != 4 || st.Docs != 8 || st.Shards < 4 || st.Terms == 0 || st.Postings == 0 || st.TextBytes == 0 || st.Tokens < st.Postings {
		t.Errorf("unexpected stats %+v", st)
	}
	if got := string(files["search/langs.json"]); got != `["en","ja","ko","zh-CN"]` {
		t.Errorf("langs.json = %s", got)
	}
}

func TestBuildOptions(t *testing.T) {
	files, _, err := Build(small, WithSnippetText(-1), WithBoosts(0, 7))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(files["search/en/t/0.json"]); got != `[["Intro","intro","","/b/","Orchestration",""]]` {
		t.Errorf("WithSnippetText(-1) stored %s", got)
	}
	if m := string(files["search/en/meta.json"]); !strings.Contains(m, `"tb":0,"hb":7`) {
		t.Errorf("boosts missing from %s", m)
	}
	files, _, _ = Build(small, WithSnippetText(3))
	if got := string(files["search/zh-CN/t/0.json"]); !strings.Contains(got, `"K8s"`) {
		t.Errorf("WithSnippetText(3) stored %s", got)
	}
}

func TestBuildEdges(t *testing.T) {
	if _, _, err := Build([]Doc{{Title: "x"}}); err == nil {
		t.Error("a document without a URL built")
	}
	files, st, err := Build(nil)
	if err != nil || string(files["search/langs.json"]) != "[]" || st.Docs != 0 {
		t.Errorf("empty build: %v %v %+v", files, err, st)
	}
	files, _, _ = Build([]Doc{{URL: "/x/", Lang: "../../etc"}, {URL: "/y/"}})
	for name := range files {
		if strings.Contains(name, "..") {
			t.Errorf("unsafe path %s", name)
		}
	}
	if got := string(files["search/langs.json"]); got != `["------etc","und"]` {
		t.Errorf("langs.json = %s", got)
	}
}

// synthCorpus makes n pages of text that looks like the knowledge base: the
// fixture pages' text re-mixed by an order-2 character Markov chain, so the
// bigram statistics are those of real Chinese technical prose.
func synthCorpus(tb testing.TB, n int) []Doc {
	src := loadFixtures(tb)
	var all []rune
	for _, d := range src {
		if d.Lang != "zh-CN" {
			continue
		}
		for _, s := range d.Sections {
			all = append(all, []rune(normalize(s.Text))...)
		}
	}
	next := map[[2]rune][]rune{}
	for i := 2; i < len(all); i++ {
		k := [2]rune{all[i-2], all[i-1]}
		next[k] = append(next[k], all[i])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(size int) string {
		i := rng.IntN(len(all) - 2)
		out := []rune{all[i], all[i+1]}
		for len(out) < size {
			c := next[[2]rune{out[len(out)-2], out[len(out)-1]}]
			if len(c) == 0 {
				i = rng.IntN(len(all) - 2)
				out = append(out, all[i], all[i+1])
				continue
			}
			out = append(out, c[rng.IntN(len(c))])
		}
		return string(out)
	}
	docs := make([]Doc, n)
	for i := range docs {
		d := Doc{URL: "/p" + strings.Repeat("x", i%7) + "/", Title: text(20), Lang: "zh-CN"}
		for s := range 25 {
			d.Sections = append(d.Sections, Section{Heading: text(12), Anchor: "s" + string(rune('a'+s)), Level: 2, Text: text(300)})
		}
		docs[i] = d
	}
	return docs
}

// BenchmarkBuild indexes 1,200 synthetic pages of 25 sections, about the
// text of the knowledge base without its code, and reports the index size
// against the text size: all files, and the shards alone (the doc files
// hold the snippet text, a copy of the text).
func BenchmarkBuild(b *testing.B) {
	docs := synthCorpus(b, 1200)
	var st Stats
	for b.Loop() {
		_, st, _ = Build(docs)
	}
	b.SetBytes(int64(st.TextBytes))
	b.ReportMetric(float64(st.IndexBytes)/float64(st.TextBytes), "index/text")
	b.ReportMetric(float64(st.ShardBytes)/float64(st.TextBytes), "shards/text")
	b.ReportMetric(float64(st.ShardBytes)/float64(st.Shards)/1024, "KB/shard")
}

// TestBuildSameOnAnyCPUs: pages are read on all CPUs but merged in order,
// so the index is the same bytes whatever the number of CPUs.
func TestBuildSameOnAnyCPUs(t *testing.T) {
	docs := synthCorpus(t, 120)
	prev := runtime.GOMAXPROCS(1)
	one, _, err := Build(docs)
	runtime.GOMAXPROCS(max(prev, 4))
	many, _, err2 := Build(docs)
	runtime.GOMAXPROCS(prev)
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	if len(one) != len(many) {
		t.Fatalf("%d files on one CPU, %d on several", len(one), len(many))
	}
	for name, b := range one {
		if !bytes.Equal(b, many[name]) {
			t.Errorf("%s differs between one CPU and several", name)
		}
	}
}
