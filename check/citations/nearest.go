package citations

// Nearest returns the candidate closest to key by edit distance (with
// transpositions, the usual typo), preferring on a tie the one sharing the
// longer prefix, then the first in order; "" when there are none.
func Nearest(key string, cands []string) string {
	best, bestD, bestP := "", -1, -1
	var rows osaRows
	for _, c := range cands {
		if c == key {
			continue
		}
		// The distance is at least the difference in length: a candidate
		// that cannot reach the best distance so far is not measured.
		if bestD >= 0 && abs(len(c)-len(key)) > bestD {
			continue
		}
		d, p := rows.distance(key, c), prefix(key, c)
		if bestD < 0 || d < bestD || d == bestD && (p > bestP || p == bestP && c < best) {
			best, bestD, bestP = c, d, p
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func prefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// osaRows are distance's three rows, kept from one candidate to the next.
type osaRows struct{ prev2, prev, cur []int }

// distance is the optimal string alignment distance between a and b
// (insert, delete, substitute, swap two neighbours); keys are ASCII.
func (r *osaRows) distance(a, b string) int {
	n := len(b) + 1
	if cap(r.prev) < n {
		r.prev2, r.prev, r.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := r.prev2[:n], r.prev[:n], r.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
