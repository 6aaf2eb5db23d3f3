package tex

import (
	"errors"
	"testing"
)

// coverage exercises the constructs the knowledge base may use beyond the
// dev set; TestCoverage checks KaTeX's verdict on each and reports how
// close our MathML is to Temml's.
var coverage = []string{
	`\frac{a}{b} + \dfrac{1}{2} - \tfrac{x}{y}`,
	`\cfrac{1}{1+\cfrac{1}{x}}`,
	`\binom{n}{k} \dbinom{n}{k} {n \choose k}`,
	`\sqrt{x} + \sqrt[3]{y}`,
	`\left( \frac{a}{b} \right) \left[ x \right] \left\{ y \right\} \left. z \right|`,
	`\left( a \middle| b \right)`,
	`\big( \Big[ \bigg\{ \Bigg\langle x \Bigg\rangle \bigg\} \Big] \big)`,
	`\hat{a} \vec{v} \bar{x} \tilde{y} \dot{z} \ddot{w} \check{c} \breve{b} \acute{e} \grave{e} \mathring{a}`,
	`\widehat{abc} \widetilde{xyz} \overline{AB} \underline{CD}`,
	`\overbrace{a+b+c}^{n} \underbrace{x+y}_{m}`,
	`\overset{!}{=} \underset{x}{\arg\min} \stackrel{def}{=}`,
	`A \xrightarrow{f} B \xleftarrow[g]{h} C`,
	`\mathbb{R} \mathcal{L} \mathbf{x} \boldsymbol{\alpha} \bm{\beta} \mathrm{d}x \mathit{ab} \mathsf{S} \mathtt{T} \mathfrak{g} \mathscr{F}`,
	`\operatorname{rank} A \operatorname*{argmax}_x f(x)`,
	`a\,b\;c\:d\!e\quad f\qquad g\ h~i \hspace{1em} j \kern2pt k \mkern3mu l`,
	`\color{red} x + \textcolor{blue}{y}`,
	`\boxed{E = mc^2}`,
	`\not= \not\in \neq \notin`,
	`\cancel{x} \bcancel{y} \xcancel{z}`,
	`\begin{matrix} a & b \\ c & d \end{matrix}`,
	`\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}`,
	`\begin{bmatrix} a \\ b \end{bmatrix} \begin{Bmatrix} a \end{Bmatrix}`,
	`\begin{vmatrix} a & b \\ c & d \end{vmatrix} \begin{Vmatrix} x \end{Vmatrix}`,
	`\begin{smallmatrix} a & b \\ c & d \end{smallmatrix}`,
	`f(x) = \begin{cases} 0 & x < 0 \\ 1 & \text{otherwise} \end{cases}`,
	`\begin{rcases} a \\ b \end{rcases}`,
	`\begin{aligned} a &= b \\ c &= d \end{aligned}`,
	`\begin{gathered} a \\ b \end{gathered}`,
	`\begin{array}{l|cr} a & b & c \\ \hline d & e & f \end{array}`,
	`\begin{alignedat}{2} a &= b & c &= d \end{alignedat}`,
	`\text{中文 and English} \textbf{bold} \textit{it} \text{$x$ in text}`,
	`\text{a \textbf{b} c}`,
	`x' + y'' + z^{\prime}`,
	`a_1^2 + a^2_1 + {a_1}^2`,
	`\sum_{i=1}^n i \prod_{j} j \int_0^1 f \oint g \lim_{x\to 0} h`,
	`\sin x \cos y \log_2 n \ln e \exp(1) \max_i a_i`,
	`α + β ≤ γ → δ ∈ ℝ`,
	`中文 x`,
	`\def\foo#1{#1^2} \foo{x} \newcommand{\bar}[1]{[#1]} \renewcommand{\baz}{1}`,
	`\newcommand{\myop}{\operatorname{op}} \myop(x)`,
	`\ldots \cdots \vdots \ddots \dots`,
	`a \pmod{n} \equiv b \bmod m`,
	`\{ x \mid x > 0 \}`,
	`\langle x, y \rangle \lvert z \rvert \lVert w \rVert`,
	`\lfloor x \rfloor \lceil y \rceil`,
	`\displaystyle \sum_i \textstyle \sum_j \scriptstyle a`,
	`{\rm d} {\bf v} {\it x}`,
	`x^{y^{z}}`,
	`\phantom{x} \vphantom{y}`,
	`\verb|a b|`,
	`\infty \partial \nabla \forall \exists \emptyset \aleph`,
	`a \over b`,
	`\tag{1} x = y`,
	`\begin{align} a &= b \\ c &= d \end{align}`,
	`\begin{equation} E = mc^2 \end{equation}`,
	`\begin{gather} a \\ b \end{gather}`,
	`\begin{split} a &= b \\ &= c \end{split}`,
	`\colorbox{yellow}{x} \fbox{y}`,
	`\underbrace{a}_{\text{label}} \overbrace{b}^{\text{label}}`,
	`1{,}000 + 3.14 - 2,5`,
	`\mathbb{1} \mathbf{0}`,
	`\Gamma \Delta \varGamma \Omega`,
	`f\colon A \to B`,
	`\iff \implies \impliedby`,
	`\overrightarrow{AB} \overleftarrow{CD}`,
	`\sqrt{\frac{a}{b}}`,
	`\left(\begin{matrix} a \end{matrix}\right)`,
	`\mathrm{Re}(z) + \mathrm{Im}(z)`,
	`x \in [0, 1)`,
	`(a, b]`,
	`a \leq b \geq c \neq d \approx e \sim f \simeq g \cong h \equiv i`,
	`\uparrow \downarrow \Rightarrow \Leftarrow \leftrightarrow \mapsto \hookrightarrow`,
}

func TestCoverage(t *testing.T) {
	var in []refInput
	for _, c := range coverage {
		in = append(in, refInput{c, true})
	}
	refs := renderReference(t, in)
	same := 0
	for i, c := range coverage {
		ours, err := MathML(c, true)
		katexOK := refs[i].KatexError == nil
		var perr *Error
		switch {
		case errors.Is(err, ErrUnsupported):
			t.Logf("falls back: %q: %v", c, err)
			continue
		case errors.As(err, &perr) && katexOK:
			t.Errorf("we reject %q, KaTeX accepts it: %v", c, err)
			continue
		case err == nil && !katexOK:
			t.Errorf("we accept %q, KaTeX rejects it: %s", c, *refs[i].KatexError)
			continue
		case err != nil:
			continue
		}
		if refs[i].MathML == nil {
			continue
		}
		a, err1 := parseMathML(ours)
		b, err2 := parseMathML(*refs[i].MathML)
		if err1 != nil || err2 != nil {
			t.Errorf("%q: unparsable MathML: %v %v", c, err1, err2)
			continue
		}
		if a.String() == b.String() {
			same++
		} else {
			t.Logf("differs from Temml: %s\n  %q\n  ours:  %s\n  temml: %s", firstDiff(a, b), c, a, b)
		}
	}
	t.Logf("coverage formulas like Temml's: %d of %d", same, len(coverage))
}
