package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// The bench keeps Terraform's state in its local backend by default, as the
// issue's benchmark does. That backend rewrites the whole state file after
// every resource (a cost in N² × state size, see the findings); remote
// backends keep intermediate states in memory and persist them every 20 s.
// -backend=http measures that case: every configuration stores its state in
// Terraform's http backend, served from memory by this process.

// stateServer serves Terraform's http backend protocol for unlocked states:
// GET a state (404 when there is none), POST to store one, DELETE it.
type stateServer struct {
	mu     sync.Mutex
	states map[string][]byte
}

func newStateServer() *httptest.Server {
	s := &stateServer{states: map[string][]byte{}}
	return httptest.NewServer(s)
}

func (s *stateServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		state, ok := s.states[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(state)
	case http.MethodPost:
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.states[r.URL.Path] = body
	case http.MethodDelete:
		delete(s.states, r.URL.Path)
	default:
		http.Error(w, "only GET, POST and DELETE: the bench's states are not locked", http.StatusMethodNotAllowed)
	}
}

// useHTTPBackend starts a state server and points the configurations in
// dirs at it, initialising each; stop shuts the server down.
func useHTTPBackend(tf string, env []string, dirs ...string) (stop func(), err error) {
	states := newStateServer()
	for _, d := range dirs {
		if err := writeHTTPBackend(d, states.URL); err != nil {
			states.Close()
			return nil, err
		}
		if err := initBackend(tf, env, d); err != nil {
			states.Close()
			return nil, err
		}
	}
	return states.Close, nil
}

// writeHTTPBackend adds a backend "http" block to the configuration in dir,
// storing its state under the folder's name.
func writeHTTPBackend(dir, serverURL string) error {
	return os.WriteFile(filepath.Join(dir, "backend.tf"), fmt.Appendf(nil,
		"terraform {\n  backend \"http\" {\n    address = %q\n  }\n}\n", serverURL+"/"+filepath.Base(dir)), 0o644)
}

// providerMirror lays out the bench's providers as a filesystem mirror, so
// that `terraform init` (which a backend needs) finds them; at run time the
// dev_overrides still choose the binaries.
func providerMirror(dir string, providers map[string]string) error {
	for name, binary := range providers {
		platform := filepath.Join(dir, "registry.terraform.io", "industrydata", name, "0.0.1", runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(platform, 0o755); err != nil {
			return err
		}
		if err := os.Symlink(binary, filepath.Join(platform, filepath.Base(binary))); err != nil {
			return err
		}
	}
	return nil
}

// initBackend runs `terraform init` in dir, which a configuration with a
// backend block needs before any plan or apply.
func initBackend(tf string, env []string, dir string) error {
	cmd := exec.Command(tf, "-chdir="+dir, "init", "-input=false", "-no-color")
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("terraform init in %s: %w\n%s", dir, err, lastLines(out, 30))
	}
	return nil
}
