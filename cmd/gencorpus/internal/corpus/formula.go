package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Formulas are drawn with the real corpus's diversity: it holds 3,418
// formulas of which 2,232 are distinct, about 50 characters on average,
// with Chinese inside \text, environments in display math, and two that
// KaTeX rejects. A math engine's cache or a typesetter's speed measured on
// a handful of formulas repeated would flatter it.
//
// Each kind draws from a pool of numbered formulas, each made by its own
// generator seeded with its number, so a formula used twice is the same
// text (the real corpus repeats its favourites) and the share of distinct
// ones follows from the pool's size: about 65 % for 3,400 draws.
const (
	inlinePool  = 6000
	displayPool = 1000
	fencePool   = 400
	symbolPool  = 900
	brokenEvery = 700 // one formula in this many of a pool does not parse
)

// inlineFormula returns $…$ for use in running text.
func inlineFormula(r *rand.Rand) string {
	return "$" + pooled(r, inlinePool, 1, func(g *fgen) string { return g.relation(1 + g.r.IntN(4)/3) }) + "$"
}

// symbolFormula returns $x$ for one symbol, as in a list that names them.
func symbolFormula(r *rand.Rand) string {
	return "$" + pooled(r, symbolPool, 4, (*fgen).variable) + "$"
}

// displayFormula returns the body of a $$ block, on one line.
func displayFormula(r *rand.Rand) string {
	return pooled(r, displayPool, 2, func(g *fgen) string {
		if g.r.IntN(4) == 0 {
			return g.environment(false)
		}
		if g.r.IntN(2) == 0 {
			return g.relation(1 + g.r.IntN(2))
		}
		return g.bigOp() + " " + g.expr(1, 3)
	})
}

// fenceFormula returns the body of a ```math fence, often over lines.
func fenceFormula(r *rand.Rand) string {
	return pooled(r, fencePool, 3, func(g *fgen) string {
		if g.r.IntN(3) > 0 {
			return g.environment(true)
		}
		return g.bigOp() + " " + g.relation(1)
	})
}

func pooled(r *rand.Rand, size int, kind uint64, make func(*fgen) string) string {
	k := r.IntN(size)
	g := &fgen{r: rand.New(rand.NewPCG(uint64(k), kind))}
	f := make(g)
	if k%brokenEvery == brokenEvery-1 {
		f = breakFormula(f)
	}
	return f
}

// breakFormula makes an error an author makes: a brace or an environment
// left open.
func breakFormula(f string) string {
	if i := strings.LastIndexByte(f, '}'); i > 0 {
		return f[:i] + f[i+1:]
	}
	return f + `\frac{1}{`
}

type fgen struct{ r *rand.Rand }

var (
	latin    = strings.Fields("a b c d f k m n p q r s t x y z C D E K L M N P Q R S T V W X Y")
	greek    = strings.Fields(`\alpha \beta \gamma \delta \epsilon \lambda \mu \rho \sigma \tau \theta \phi \omega \pi \eta \Delta \Sigma \Omega \Phi`)
	indices  = strings.Fields("i j k n t 0 1 2 99 ij ik i+1 t-1 max min")
	zhWords  = strings.Fields("延迟 吞吐量 节点 内存 成本 副本数 请求 冷启动 资源 策略 调度 容器 镜像 带宽 可用性 总 计算 存储 网络 失败 成功 热启动 队列")
	enWords  = strings.Fields("cost Pod CPU ms MB node SLO RTT QPS req")
	relOps   = strings.Fields(`= = = \le \ge \approx < > \in \subset \to \ne \propto \sim \equiv`)
	binOps   = strings.Fields(`+ + - \cdot \times / \cup \cap \oplus`)
	funcs    = strings.Fields(`\log \exp \max \min \sin \cos \ln \Pr \det`)
	fonts    = strings.Fields(`\mathbb \mathcal \mathrm \mathbf \boldsymbol`)
	accents  = strings.Fields(`\hat \bar \tilde \vec \dot \overline`)
	matrices = strings.Fields("pmatrix bmatrix vmatrix matrix")
)

func (g *fgen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *fgen) variable() string {
	v := g.pick(latin)
	if g.r.IntN(4) == 0 {
		v = g.pick(greek)
	}
	switch g.r.IntN(10) {
	case 0, 1, 2:
		v += "_" + g.index()
	case 3:
		v += "^{" + g.pick([]string{"*", `\top`, "-1", "2", "(t)", "'"}) + "}"
	case 4:
		v += "_" + g.index() + "^{" + g.pick([]string{"2", "*", "(k)"}) + "}"
	case 5:
		v = g.pick(accents) + "{" + v + "}"
	case 6:
		v = g.pick(fonts) + "{" + strings.ToUpper(v[len(v)-1:]) + "}"
	}
	return v
}

func (g *fgen) index() string {
	switch g.r.IntN(6) {
	case 0:
		return `{\text{` + g.pick(zhWords) + `}}`
	case 1:
		return `{\text{` + g.pick(enWords) + `}}`
	}
	i := g.pick(indices)
	if len(i) > 1 {
		return "{" + i + "}"
	}
	return i
}

func (g *fgen) number() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%d", g.r.IntN(1000))
	case 1:
		return fmt.Sprintf("%.2f", g.r.Float64()*10)
	case 2:
		return fmt.Sprintf(`%d\,\text{%s}`, 1+g.r.IntN(500), g.pick(enWords))
	}
	return fmt.Sprintf("10^{%d}", g.r.IntN(9)-4)
}

// term is one operand; depth bounds the nesting.
func (g *fgen) term(depth int) string {
	if depth <= 0 {
		if g.r.IntN(4) == 0 {
			return g.number()
		}
		return g.variable()
	}
	switch g.r.IntN(18) {
	case 0:
		return `\frac{` + g.expr(depth-1, 2) + "}{" + g.expr(depth-1, 1) + "}"
	case 1:
		return `\sqrt{` + g.expr(depth-1, 2) + "}"
	case 2:
		return g.pick(funcs) + " " + g.term(depth-1)
	case 3:
		return g.variable() + `\left(` + g.args(depth-1) + `\right)`
	case 4:
		return `\text{` + g.pick(zhWords) + g.pick(zhWords) + `}`
	case 5:
		return `\mathbb{E}[` + g.expr(depth-1, 2) + "]"
	case 6:
		return `\lVert ` + g.variable() + ` \rVert`
	case 7:
		return "(" + g.expr(depth-1, 2) + ")"
	case 8:
		return `\mathcal{O}(` + g.pick([]string{"n", `n \log n`, "n^2", "1", `\log n`, "nm"}) + ")"
	}
	return g.term(0)
}

func (g *fgen) args(depth int) string {
	xs := make([]string, 1+g.r.IntN(3))
	for i := range xs {
		xs[i] = g.term(depth)
	}
	return strings.Join(xs, ", ")
}

func (g *fgen) expr(depth, terms int) string {
	var b strings.Builder
	for i := range 1 + g.r.IntN(terms) {
		if i > 0 {
			b.WriteString(" " + g.pick(binOps) + " ")
		}
		b.WriteString(g.term(depth))
	}
	return b.String()
}

// relation is the common shape of a formula: a left side, a relation, a
// right side, sometimes a second relation.
func (g *fgen) relation(depth int) string {
	s := g.expr(depth-1, 2) + " " + g.pick(relOps) + " " + g.expr(depth, 2)
	if g.r.IntN(5) == 0 {
		s += " " + g.pick(relOps) + " " + g.expr(depth-1, 2)
	}
	return s
}

func (g *fgen) bigOp() string {
	switch g.r.IntN(7) {
	case 0:
		return `\sum_{` + g.pick(indices[:3]) + "=1}^{" + g.pick([]string{"n", "N", "m", "K"}) + "}"
	case 1:
		return `\prod_{` + g.pick(indices[:3]) + "}"
	case 2:
		return `\int_{0}^{` + g.pick([]string{"T", `\infty`, "1", "t"}) + "}"
	case 3:
		return `\max_{` + g.variable() + ` \in ` + g.pick(fonts) + "{" + g.pick(latin[14:]) + "}}"
	case 4:
		return `\lim_{n \to \infty}`
	case 5:
		return `\arg\min_{` + g.variable() + "}"
	}
	return g.variable() + " ="
}

// environment writes aligned, cases or a matrix; multiline puts each row
// on its own line as authors do in a fence.
func (g *fgen) environment(multiline bool) string {
	sep := " "
	if multiline {
		sep = "\n"
	}
	rows := 2 + g.r.IntN(2)
	var name string
	cells := make([]string, rows)
	switch g.r.IntN(3) {
	case 0:
		name = "aligned"
		for i := range cells {
			lhs := g.variable()
			if i > 0 {
				lhs = ""
			}
			cells[i] = lhs + " &" + g.pick(relOps) + " " + g.expr(g.r.IntN(2), 2)
		}
	case 1:
		name = "cases"
		for i := range cells {
			cells[i] = g.expr(0, 2) + ` & \text{` + g.pick([]string{"若 ", "当 ", "if "}) + `} ` + g.relation(1)
		}
		cells[rows-1] = g.term(1) + ` & \text{否则}`
	default:
		name = g.pick(matrices)
		cols := 2 + g.r.IntN(2)
		for i := range cells {
			row := make([]string, cols)
			for j := range row {
				row[j] = g.term(0)
			}
			cells[i] = strings.Join(row, " & ")
		}
	}
	body := `\begin{` + name + "}" + sep + strings.Join(cells, ` \\`+sep) + sep + `\end{` + name + "}"
	if name != "aligned" && name != "cases" {
		body = g.variable() + " = " + body
	} else if name == "cases" {
		body = g.variable() + " = " + body
	}
	return body
}
