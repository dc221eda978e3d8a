package provider_test

import (
	"cmp"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// `make install` into a fresh home folder, then the CLI under test with that
// home and no CLI configuration, exactly as a user after `make install`:
// `init` finds the provider in the implicit local mirror (~/.terraform.d/plugins,
// under the CLI's own registry host) for version = "~> 0.1", locks that
// version, and `plan` reads a run from the fake through it. A rebuilt binary
// of the same version no longer matches the lock file, until the lock file is
// removed and `init` runs again.
func TestAccInstall_initAndPlanFromLocalMirror(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	root, version := repoRoot(t), changelogVersion(t)
	home := t.TempDir()
	install := exec.Command("make", "-s", "install")
	install.Dir = root
	install.Env = append(goEnvKeptOutsideHome(t), "HOME="+home)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}

	host := cmp.Or(os.Getenv("TF_ACC_PROVIDER_HOST"), "registry.terraform.io")
	binary := filepath.Join(home, ".terraform.d", "plugins", host, "industrydata", "industrydata", version,
		runtime.GOOS+"_"+runtime.GOARCH, "terraform-provider-industrydata_v"+version)
	if _, err := os.Stat(binary); err != nil {
		t.Fatalf("make install did not place the provider in the mirror layout: %v", err)
	}

	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{{ID: anyRunID, DisplayName: "installed run", Status: "completed"}}})
	project := filepath.Join(home, "project")
	if err := os.MkdirAll(project, 0o700); err != nil {
		t.Fatal(err)
	}
	cert := filepath.Join(home, "fake-graph.pem")
	writeTestFile(t, cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: fake.Certificate().Raw}))
	writeTestFile(t, filepath.Join(project, "main.tf"), []byte(`terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}
`+acctest.ProviderBlock(fake)+`
data "industrydata_run" "test" {
  id = "`+anyRunID+`"
}

output "name" {
  value = data.industrydata_run.test.display_name
}
`))
	cli := func(args ...string) (string, error) {
		cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), args...)
		cmd.Dir = project
		// No TF_CLI_CONFIG_FILE: the CLI finds the provider by itself.
		cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "SSL_CERT_FILE=" + cert,
			"CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1"}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	out, err := cli("init", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Installed industrydata/industrydata v"+version) {
		t.Errorf("init did not install v%s from the local mirror:\n%s", version, out)
	}
	lock, err := os.ReadFile(filepath.Join(project, ".terraform.lock.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if want := regexp.MustCompile(`provider "` + regexp.QuoteMeta(host) + `/industrydata/industrydata" \{\s+version\s+= "` + regexp.QuoteMeta(version) + `"`); !want.Match(lock) {
		t.Errorf("lock file does not lock %s/industrydata/industrydata %s:\n%s", host, version, lock)
	}

	out, err = cli("plan", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	if !strings.Contains(out, `name = "installed run"`) {
		t.Errorf("plan does not show the run read through the installed provider:\n%s", out)
	}
	if strings.Contains(out, "development overrides") {
		t.Errorf("plan ran with dev_overrides, not the installed provider:\n%s", out)
	}
	if got := readsOf(fake, "/external/industryData/runs/"+anyRunID); got == 0 {
		t.Errorf("the fake saw no read of the run:\n%s", acctest.DescribeRequests(fake))
	}

	// A different build of the same version: the lock file's checksum no
	// longer matches, and a fresh lock file records the new one.
	f, err := os.OpenFile(binary, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("another build"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if out, err := cli("init", "-input=false", "-no-color"); err == nil {
		t.Errorf("init accepted a binary whose checksum differs from the lock file:\n%s", out)
	}
	if err := os.Remove(filepath.Join(project, ".terraform.lock.hcl")); err != nil {
		t.Fatal(err)
	}
	if out, err := cli("init", "-input=false", "-no-color"); err != nil {
		t.Errorf("init without the old lock file did not accept the rebuilt provider: %v\n%s", err, out)
	}
}

// repoRoot is the repository root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// changelogVersion is the version `make install` stamps: the newest
// "## X.Y.Z" heading of CHANGELOG.md.
func changelogVersion(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^## (\d+\.\d+\.\d+)\b`).FindSubmatch(data)
	if m == nil {
		t.Fatal("CHANGELOG.md has no '## X.Y.Z' section")
	}
	return string(m[1])
}

// goEnvKeptOutsideHome is this process's environment with Go's caches named
// explicitly, so that a build under another HOME reuses them instead of
// compiling the SDK from nothing.
func goEnvKeptOutsideHome(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOENV").Output()
	if err != nil {
		t.Fatal(err)
	}
	values := strings.Split(strings.TrimSpace(string(out)), "\n")
	env := os.Environ()
	for i, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOENV"} {
		env = append(env, name+"="+values[i])
	}
	return env
}

func readsOf(fake *fakegraph.Server, path string) int {
	n := 0
	for _, r := range fake.GraphRequests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, path) {
			n++
		}
	}
	return n
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
