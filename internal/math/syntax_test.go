package math

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func convert(t testing.TB, src string, opts ...Option) string {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, New(opts...)))
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Shorthands for the output with no engine configured.
func in(tex string) string { return `<span class="math math-inline">\(` + tex + `\)</span>` }
func disp(tex string) string {
	return `<div class="math math-display">\[` + tex + `\]</div>`
}
func inDisp(tex string) string {
	return `<span class="math math-display">\[` + tex + `\]</span>`
}

func TestSyntax(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"inline", "a $x^2$ b", "<p>a " + in("x^2") + " b</p>"},
		{"prices stay text", "价格是 $5 和 $10", "<p>价格是 $5 和 $10</p>"},
		{"prices without spaces", "价格$5和$10", "<p>价格$5和$10</p>"},
		{"price range", "$5-$10 each", "<p>$5-$10 each</p>"},
		{"escaped dollar", `\$100 and \$200`, "<p>$100 and $200</p>"},
		{"escaped then math", `\$5 is $x$`, "<p>$5 is " + in("x") + "</p>"},
		{"code span wins", "`$x$`", "<p><code>$x$</code></p>"},
		{"code span inside candidate", "`a $b` c$", "<p><code>a $b</code> c$</p>"},
		{"closer before digit", "$x$5", "<p>$x$5</p>"},
		{"closer before digit then real", "$x$5 and $y$", "<p>$x$5 and " + in("y") + "</p>"},
		{"prices then formula", "价格是 $5 和 $10，面积 $x^2$。", "<p>价格是 $5 和 $10，面积 " + in("x^2") + "。</p>"},
		{"text may hold dollars", `$\text{costs $5}$`, "<p>" + in(`\text{costs $5}`) + "</p>"},
		{"dollar amounts in a list", "- $5\n- $10 $x$", "<ul>\n<li>$5</li>\n<li>$10 " + in("x") + "</li>\n</ul>"},
		{"space after opener", "$ x$", "<p>$ x$</p>"},
		{"space before closer", "$x $", "<p>$x $</p>"},
		{"lone dollar", "costs $3", "<p>costs $3</p>"},
		{"dollar inside formula escaped", `$a\$b$`, "<p>" + in(`a\$b`) + "</p>"},
		{"chinese in formula", "$资源 = R(T)$", "<p>" + in("资源 = R(T)") + "</p>"},
		{"adjacent chinese", "设$T$为", "<p>设" + in("T") + "为</p>"},
		{"html escaped", "$a<b$", "<p>" + in("a&lt;b") + "</p>"},
		{"emphasis inside is tex", "$a*b*c$", "<p>" + in("a*b*c") + "</p>"},
		{"across lines", "a $x\ny$ b", "<p>a " + in("x\ny") + " b</p>"},
		{"paren", `a \(x+1\) b`, "<p>a " + in("x+1") + " b</p>"},
		{"paren unclosed", `a \(x`, "<p>a (x</p>"},
		{"escaped backslash paren", `a \\(x\\)`, `<p>a \(x\)</p>`},
		{"inline display", "a $$x$$ b", "<p>a " + inDisp("x") + " b</p>"},
		{"triple dollars", "a $$$ b", "<p>a $$$ b</p>"},
		{"unclosed double", "a $$x", "<p>a $$x</p>"},
		{"empty double", "a $$ $$ b", "<p>a $$ $$ b</p>"},
		{"display one line", "$$x$$", disp("x")},
		{"display one line spaces", "  $$ x $$  ", disp("x")},
		{"display many lines", "$$\n\\begin{aligned}\na &= b\n\\end{aligned}\n$$", disp("\\begin{aligned}\na &amp;= b\n\\end{aligned}")},
		{"display opener with content", "$$a +\nb$$", disp("a +\nb")},
		{"display after paragraph line", "**优化目标**：\n$$\\min_{T} R(T)$$\n其中", "<p><strong>优化目标</strong>：</p>\n" + disp(`\min_{T} R(T)`) + "\n<p>其中</p>"},
		{"display chinese", "$$\\text{成本} = 资源$$", disp(`\text{成本} = 资源`)},
		{"display with text after is inline", "$$x$$ is it", "<p>" + inDisp("x") + " is it</p>"},
		{"display unclosed is paragraph", "$$ is the pid\n\nnext", "<p>$$ is the pid</p>\n<p>next</p>"},
		{"unclosed after paragraph line", "text\n$$ is the pid\nmore", "<p>text\n$$ is the pid\nmore</p>"},
		{"bracket citation after paragraph line", "see\n\\[1] Smith", "<p>see\n[1] Smith</p>"},
		{"unclosed in list item", "- a\n  $$ b\n- c", "<ul>\n<li>a\n$$ b</li>\n<li>c</li>\n</ul>"},
		{"display closer then text", "$$\nx\n$$ more", "<p>" + inDisp("x") + " more</p>"},
		{"bracket block", "\\[\nx^2\n\\]", disp("x^2")},
		{"bracket one line", `\[x\]`, disp("x")},
		{"bracket not inline", `see \[1\] here`, "<p>see [1] here</p>"},
		{"math fence", "```math\nE = mc^2\n```", disp("E = mc^2")},
		{"tilde math fence", "~~~math\na\n~~~", disp("a")},
		{"other fence untouched", "```go\n$x$\n```", "<pre><code class=\"language-go\">$x$\n</code></pre>"},
		{"indented code untouched", "    $x$", "<pre><code>$x$\n</code></pre>"},
		{"list item inline", "- $D$ = Docker", "<ul>\n<li>" + in("D") + " = Docker</li>\n</ul>"},
		{"list item display", "- item\n\n  $$\n  x\n  $$", "<ul>\n<li>\n<p>item</p>\n" + disp("x") + "\n</li>\n</ul>"},
		{"blockquote display", "> $$\n> a\n> b\n> $$", "<blockquote>\n" + disp("a\nb") + "\n</blockquote>"},
		{"blockquote one line", "> $$x$$", "<blockquote>\n" + disp("x") + "\n</blockquote>"},
		{"blockquote inline", "> a $x$ b", "<blockquote>\n<p>a " + in("x") + " b</p>\n</blockquote>"},
		{"blockquote fence", "> ```math\n> x\n> ```", "<blockquote>\n" + disp("x") + "\n</blockquote>"},
		{"table cell", "| a |\n|---|\n| $x$ |", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" + in("x") + "</td>\n</tr>\n</tbody>\n</table>"},
		{"link text", "[$x$](u)", `<p><a href="u">` + in("x") + "</a></p>"},
		{"control space kept", `$$a\ $$`, disp(`a\ `)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(convert(t, tt.src))
			if got != tt.want {
				t.Errorf("source:\n%s\ngot:\n%s\nwant:\n%s", tt.src, got, tt.want)
			}
		})
	}
}

func TestCollect(t *testing.T) {
	src := "设 $T$ 为\n\n$$\nx\n$$\n\n- a \\(y\\)\n\n```math\nz\n```\n"
	md := goldmark.New(goldmark.WithExtensions(New()))
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	got := Collect(doc)
	want := []struct {
		tex     string
		display bool
		at      string // the source from Offset on starts with this
	}{
		{"T", false, "$T$"},
		{"x", true, "$$\nx"},
		{"y", false, `\(y\)`},
		{"z", true, "```math"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d formulas, want %d", len(got), len(want))
	}
	for i, w := range want {
		f := got[i]
		if f.TeX != w.tex || f.Display != w.display || !strings.HasPrefix(src[f.Offset:], w.at) {
			t.Errorf("formula %d = {%q %v %q}, want {%q %v %q}", i, f.TeX, f.Display, src[f.Offset:], w.tex, w.display, w.at)
		}
	}
}

func TestFormulaNeverRunsIntoCode(t *testing.T) {
	for _, src := range []string{"价格是 $5 和 $10，还有 \\$100 与 `$x$`。", "a $b `c$ d`"} {
		if out := convert(t, src); strings.Contains(out, "math-inline") {
			t.Errorf("%q became math: %s", src, out)
		}
	}
}
