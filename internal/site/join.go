package site

import "strings"

// joinRel is path.Join(dir, p) for relative dir and p, built in one
// buffer: the checker joins every link of every page with its folder, and
// path.Join's copy and Clean's second copy were most of Resolve.
// TestJoinRel holds it to path.Join.
func joinRel(dir, p string) string {
	if dir == "" && p == "" {
		return ""
	}
	buf := make([]byte, 0, len(dir)+1+len(p))
	ups := 0 // the ".." segments buf starts with, which no ".." takes back
	for _, part := range [2]string{dir, p} {
		for part != "" {
			var seg string
			seg, part, _ = strings.Cut(part, "/")
			if seg == "" || seg == "." {
				continue
			}
			if seg == ".." && len(buf) > max(ups*3-1, 0) {
				buf = buf[:max(strings.LastIndexByte(string(buf), '/'), 0)]
				continue
			}
			if seg == ".." {
				ups++
			}
			if len(buf) > 0 {
				buf = append(buf, '/')
			}
			buf = append(buf, seg...)
		}
	}
	if len(buf) == 0 {
		return "."
	}
	return string(buf)
}
