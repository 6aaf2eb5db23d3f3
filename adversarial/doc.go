// Package adversarial holds the tests that feed docsite hostile content:
// invalid UTF-8, huge pages, deep nesting, link cycles, symlinks out of the
// content folder, links to system files, script in titles, files that vanish
// or block. The tests run the real build and check in-process and assert
// that every bad thing is named, the good pages are built, nothing outside
// the content folder is read or written, and the cost grows linearly.
package adversarial
