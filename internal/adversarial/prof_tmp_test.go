package adversarial

import (
	"os"
	"testing"

	"docsite/render/build"
	"docsite/render/config"
)

func TestProfTMP(t *testing.T) {
	cfg := config.Default()
	pl, _ := build.NewPipeline(build.Options{Config: cfg})
	for _, sh := range shapes() {
		if sh.name == os.Getenv("SHAPE") {
			cost(t, pl, cfg, sh.files(sh.sizes[3]), 1)
		}
	}
}
