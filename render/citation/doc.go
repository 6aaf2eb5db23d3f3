// Package citation handles citation keys such as [k3s-memory]: their
// definitions in REFERENCES.md files and pages, their uses in prose, and the
// HTML of a page's reference list and of the site's references page.
package citation
