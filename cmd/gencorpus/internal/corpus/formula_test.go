package corpus

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestFormulaDiversity draws as many formulas as the real corpus holds, in
// its proportions, and finds its diversity.
func TestFormulaDiversity(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var all []string
	for i := range 3400 {
		switch {
		case i%10 < 7:
			all = append(all, strings.Trim(inlineFormula(r), "$"))
		case i%10 < 9:
			all = append(all, displayFormula(r))
		default:
			all = append(all, fenceFormula(r))
		}
	}
	distinct, length := map[string]bool{}, 0
	chinese, envs := 0, 0
	zh := regexp.MustCompile(`\\text\{[^}]*\p{Han}`)
	for _, f := range all {
		length += len([]rune(f))
		if !distinct[f] {
			distinct[f] = true
			if zh.MatchString(f) {
				chinese++
			}
			if strings.Contains(f, `\begin{`) {
				envs++
			}
		}
	}
	mean := length / len(all)
	t.Logf("%d formulas, %d distinct, mean %d code points, %d with Chinese \\text, %d environments", len(all), len(distinct), mean, chinese, envs)
	if len(distinct) < 2000 || mean < 35 || mean > 70 || chinese < 200 || envs < 100 {
		t.Errorf("not the real corpus's diversity")
	}
}
