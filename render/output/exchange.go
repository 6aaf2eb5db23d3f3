package output

import "os"

// exchangeByRenames swaps two folders through a third name; a crash between
// the renames leaves both trees whole under their own names.
func exchangeByRenames(a, b string) error {
	tmp := a + ".swap"
	if err := os.Rename(b, tmp); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		_ = os.Rename(tmp, b)
		return err
	}
	return os.Rename(tmp, a)
}
