package serve

import (
	"encoding/json"
	"sync"
)

// hub fans reload events out to every open event stream. A slow client
// never blocks a rebuild: its channel holds one pending event and newer
// ones replace nothing — a reload is a reload.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
}

func newHub() *hub { return &hub{clients: map[chan []byte]struct{}{}} }

func (h *hub) join() chan []byte {
	c := make(chan []byte, 1)
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	return c
}

func (h *hub) leave(c chan []byte) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// Event is what the browser receives after a rebuild.
type Event struct {
	Seq  int64    `json:"seq"`
	URLs []string `json:"urls"` // pages that changed; "*" for all
}

func (h *hub) broadcast(e Event) int {
	msg, _ := json.Marshal(e)
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default:
		}
	}
	return len(h.clients)
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}
