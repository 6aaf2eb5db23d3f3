package diagram

func validateMindmap(t *text, src string) (*Error, int) { return nil, 0 }
