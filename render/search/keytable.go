package search

// keyTable maps scan's CJK keys to a page's term numbers. It is a map made
// for the job: a page looks a key up for every character it holds, twice
// (the character and its bigram), which made Go's map the largest cost of
// reading a page. Single characters of the common range sit in a plain
// array, bigrams in an open-addressed table; both are emptied for the next
// page by bumping a generation, not by clearing.
type keyTable struct {
	gen   uint32
	chars [charSpan]slotEntry // keys charBase…charBase+charSpan-1
	slots []slotEntry         // len is a power of two
	keys  []uint64            // beside slots
	n     int                 // keys in slots this generation
}

type slotEntry struct {
	gen uint32
	id  int32
}

const (
	charBase = 0x3000 // CJK punctuation, Kana, extension A, unified ideographs
	charSpan = 0xA000 - charBase
)

func newKeyTable() *keyTable {
	return &keyTable{gen: 1, slots: make([]slotEntry, 1<<12), keys: make([]uint64, 1<<12)}
}

// reset empties the table.
func (k *keyTable) reset() {
	k.gen++
	k.n = 0
	if k.gen == 0 { // wrapped: old stamps could look current
		clear(k.chars[:])
		clear(k.slots)
		k.gen = 1
	}
}

// get returns the key's number, or adds it as next.
func (k *keyTable) get(key uint64, next int32) (int32, bool) {
	if key-charBase < charSpan {
		e := &k.chars[key-charBase]
		if e.gen == k.gen {
			return e.id, true
		}
		*e = slotEntry{k.gen, next}
		return next, false
	}
	mask := uint64(len(k.slots) - 1)
	for i := hashKey(key) & mask; ; i = (i + 1) & mask {
		e := &k.slots[i]
		if e.gen != k.gen {
			*e, k.keys[i] = slotEntry{k.gen, next}, key
			if k.n++; 2*k.n > len(k.slots) {
				k.grow()
			}
			return next, false
		}
		if k.keys[i] == key {
			return e.id, true
		}
	}
}

func (k *keyTable) grow() {
	slots, keys := k.slots, k.keys
	k.slots, k.keys = make([]slotEntry, 2*len(slots)), make([]uint64, 2*len(keys))
	mask := uint64(len(k.slots) - 1)
	for j, e := range slots {
		if e.gen != k.gen {
			continue
		}
		i := hashKey(keys[j]) & mask
		for k.slots[i].gen == k.gen {
			i = (i + 1) & mask
		}
		k.slots[i], k.keys[i] = e, keys[j]
	}
}

func hashKey(key uint64) uint64 {
	key *= 0x9E3779B97F4A7C15
	return key ^ key>>29
}
