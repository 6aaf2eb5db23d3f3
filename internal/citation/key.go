package citation

// IsKey reports whether s may name a citation: [a-z0-9][a-z0-9._-]*.
func IsKey(s string) bool {
	if s == "" || len(s) > maxKey {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !keyByte(s[i], i == 0) {
			return false
		}
	}
	return true
}

// Shaped reports whether an undefined key still looks like a citation: a
// key with at least one '-' and a letter, so bracketed words such as [x],
// [todo] or [1] in prose are never taken for one.
func Shaped(s string) bool {
	if !IsKey(s) {
		return false
	}
	dash, letter := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			dash = true
		case c >= 'a' && c <= 'z':
			letter = true
		}
	}
	return dash && letter
}

// maxKey bounds a key so a pathological line cannot make scanning quadratic.
const maxKey = 128

func keyByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		return true
	case c == '.', c == '_', c == '-':
		return !first
	}
	return false
}

// scanKey reads "[key]" at src[i]; it returns the key and the offset past
// the closing bracket, or ok == false.
func scanKey(src []byte, i int) (key string, end int, ok bool) {
	if i >= len(src) || src[i] != '[' {
		return "", i, false
	}
	j := i + 1
	for j < len(src) && j-i-1 <= maxKey && keyByte(src[j], j == i+1) {
		j++
	}
	if j == i+1 || j-i-1 > maxKey || j >= len(src) || src[j] != ']' {
		return "", i, false
	}
	return string(src[i+1 : j]), j + 1, true
}
