package numbering

// number runs the counters over one scope. base is what the first top-level
// heading's number should extend (nil: count from 1); written is what the
// author's numbers extend, so that a heading that follows on from the one
// written before it is Shifted rather than reported.
func number(items []item, top int, base, written Number) []Entry {
	const maxRel = 8
	var count [maxRel + 1]int
	var have [maxRel + 1]Number // per depth: the last number written, or wanted where the written one is unusable
	var out []Entry
	reported := -1
	wantAt := func(r int) Number {
		n := append(Number(nil), base...)
		for k := 1; k <= r; k++ {
			n = append(n, count[k])
		}
		return n
	}
	for _, it := range items {
		r := min(it.level-top+1, maxRel)
		e := Entry{Heading: it.heading, Have: it.have, Rest: it.rest}
		for k := 1; k < r; k++ {
			if count[k] == 0 {
				count[k] = 1
				have[k] = wantAt(k)
				if e.Missing == 0 {
					e.Missing = top + k - 1
				}
			}
		}
		count[r]++
		for k := r + 1; k <= maxRel; k++ {
			count[k], have[k] = 0, nil
		}
		e.Want = wantAt(r)
		e.Parent = written
		if r > 1 {
			e.Parent = have[r-1]
		}
		e.Prev = have[r]
		local := e.Parent.Child(1)
		if e.Prev != nil {
			local = e.Prev.Next()
		}
		depthOK := len(it.have) == len(written)+r
		switch {
		case e.Missing > 0:
			e.Problem = Skip
		case it.have.Equal(e.Want):
			e.Problem = OK
		case depthOK && it.have.Equal(local) && reported >= 0:
			e.Problem = Shifted
			out[reported].Follow++
		case !depthOK:
			e.Problem = Depth
		case it.have.Equal(local) && r == 1:
			// It follows on from what was written before it, so the
			// written chain itself starts from the wrong number.
			e.Problem = Start
		case it.have.Equal(local):
			e.Problem = Parent
		case it.have.Parent().Equal(e.Parent):
			e.Problem = Sequence
		case r == 1:
			e.Problem = Start
		default:
			e.Problem = Parent
		}
		if e.Problem != OK && e.Problem != Shifted {
			reported = len(out)
		}
		if depthOK {
			have[r] = it.have
		} else {
			have[r] = e.Want
		}
		out = append(out, e)
	}
	return out
}
