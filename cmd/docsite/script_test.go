package main

import (
	"docsite/internal/sitetest"

	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run docsite as a command: testscript copies this
// test binary into $PATH as "docsite", and running it under that name calls
// run, exactly as the real main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"docsite": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs every testdata/script/*.txtar: the CLI as a user runs it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       sitetest.Updating(),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// The default cache folder lives under the user's cache
			// directory; keep it inside the script's own work folder.
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			// NO_COLOR stays unset: output to a pipe must be plain anyway.
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
		},
	})
}

// cmdExits runs a program and asserts its exit status, which "exec" cannot:
// docsite's contract tells 1 (findings) from 2 (bad usage) apart.
//
//	exits CODE program [args...]
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}
