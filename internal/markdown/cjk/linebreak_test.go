package cjk

import "testing"

func TestLineBreaks(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"适用\n于技术决策", "<p>适用于技术决策</p>\n"},
		{"第一句。\n第二句", "<p>第一句。第二句</p>\n"},
		{"，\n中文", "<p>，中文</p>\n"},
		{"见“引用”\n内容", "<p>见“引用”内容</p>\n"},
		{"中文\n“引用”", "<p>中文“引用”</p>\n"},
		{"カタカナ\nひらがな", "<p>カタカナひらがな</p>\n"},
		{"中文\u200B\nEnglish", "<p>中文\u200BEnglish</p>\n"},

		// Only between East Asian characters.
		{"中文\nEnglish", "<p>中文\nEnglish</p>\n"},
		{"English\n中文", "<p>English\n中文</p>\n"},
		{"English\nwords", "<p>English\nwords</p>\n"},
		{"“quoted”\nEnglish", "<p>“quoted”\nEnglish</p>\n"},
		{"中文\n2. 理念层", "<p>中文\n2. 理念层</p>\n"},
		{"한국어\n문장", "<p>한국어\n문장</p>\n"}, // Korean separates words with spaces

		// Through inline markup.
		{"**粗体**\n中文", "<p><strong>粗体</strong>中文</p>\n"},
		{"中文\n**粗体**", "<p>中文<strong>粗体</strong></p>\n"},
		{"中文\n[链接](u)", "<p>中文<a href=\"u\">链接</a></p>\n"},
		{"[链接\n文字](u)", "<p><a href=\"u\">链接文字</a></p>\n"},
		{"*强调*\n~~删除~~", "<p><em>强调</em><del>删除</del></p>\n"},
		{"中文\n`code`", "<p>中文\n<code>code</code></p>\n"},
		{"中文\n`代码`", "<p>中文\n<code>代码</code></p>\n"},
		{"中文\n![图](x.png)", "<p>中文\n<img src=\"x.png\" alt=\"图\"></p>\n"},
		{"中文\n<span>标签</span>", "<p>中文\n<!-- raw HTML omitted -->标签<!-- raw HTML omitted --></p>\n"},

		// Hard breaks and code are left alone.
		{"中文  \n内容", "<p>中文<br>\n内容</p>\n"},
		{"中文\\\n内容", "<p>中文<br>\n内容</p>\n"},
		{"`中\n文`", "<p><code>中 文</code></p>\n"},
		{"```\n中\n文\n```", "<pre><code>中\n文\n</code></pre>\n"},

		// In containers.
		{"> 引用\n> 内容", "<blockquote>\n<p>引用内容</p>\n</blockquote>\n"},
		{"- 列表\n  内容", "<ul>\n<li>列表内容</li>\n</ul>\n"},
		{"| 表 |\n| - |\n| 格 |", "<table>\n<thead>\n<tr>\n<th>表</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>格</td>\n</tr>\n</tbody>\n</table>\n"},
	}
	for _, tt := range tests {
		if got := render(t, tt.in); got != tt.want {
			t.Errorf("%q\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoinsLines(t *testing.T) {
	tests := []struct {
		before, after rune
		want          bool
	}{
		{'文', '中', true},
		{'。', '中', true},
		{'中', '，', true},
		{'”', '中', true},
		{'中', '—', true},
		{'中', 'E', false},
		{'E', '中', false},
		{'.', '中', false},
		{'中', '(', false},
		{'한', '국', false},
		{'中', '한', false},
		{'”', '“', false},
		{'a', '\u200B', true},
		{'a', 'b', false},
		{0, '中', false},
	}
	for _, tt := range tests {
		if got := JoinsLines(tt.before, tt.after); got != tt.want {
			t.Errorf("JoinsLines(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}
