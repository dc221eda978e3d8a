package run_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Ctrl-C while the apply waits for a run: the CLI stops the provider, whose
// wait ends and reads the run once more. A run that ended meanwhile is saved
// as ended and judged (here it passes: not tainted); a run still going is
// saved running and tainted. Both CLIs, with the real plugin binary, whose
// INFO log shows the wait is alive.
func TestAccRunWait_interruptedLeavesStateConsistent(t *testing.T) {
	acctest.PreCheck(t)
	for _, tt := range []struct {
		name          string
		endsMeanwhile bool
		wantStatus    string
		wantTainted   bool
	}{
		{"the run ends while the CLI is interrupted", true, "completedWithErrors", false},
		{"the run is still running", false, "running", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			clock := acctest.NewClock(startT0)
			fake := acctest.NewFake(t, fakegraph.Options{RunDuration: gateRunDuration, Now: clock.Now})
			fake.SetRunOutcome(endedWith("completedWithErrors"))
			cli := acctest.NewCLIRun(t, fake)
			cli.WriteConfig(t, acctest.RequiredProviders+acctest.ProviderBlock(fake)+`
resource "industrydata_run" "test" {
  wait_for_completion = true
}
`)
			var out bytes.Buffer
			apply := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), "apply", "-auto-approve", "-input=false", "-no-color")
			apply.Dir, apply.Stdout, apply.Stderr = cli.Dir, &out, &out
			apply.Env = append(append([]string{}, cli.Env...), "TF_LOG_PROVIDER=INFO")
			if err := apply.Start(); err != nil {
				t.Fatal(err)
			}
			awaitRequest(t, fake, regexp.MustCompile(`^GET /runs/[0-9a-f-]{36}$`)) // the run has started; the wait pauses 5 s
			if tt.endsMeanwhile {
				clock.Sleep(t.Context(), gateRunDuration)
			}
			if err := apply.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			_ = apply.Wait() // Terraform reports the interruption as a failure or not; the state is the point
			output := out.String()
			if !regexp.MustCompile(`run [0-9a-f-]{36} still running after 0s`).MatchString(output) {
				t.Errorf("the INFO log does not show the wait:\n%s", output)
			}
			if tt.wantTainted && !strings.Contains(output, "interrupted while waiting for run") {
				t.Errorf("the error does not say the wait was interrupted:\n%s", output)
			}
			status, tainted := savedRun(t, cli)
			if status != tt.wantStatus || tainted != tt.wantTainted {
				t.Errorf("state: status %q, tainted %t; want %q, %t\n%s", status, tainted, tt.wantStatus, tt.wantTainted, output)
			}
			if starts := acctest.Writes(fake); len(starts) != 1 {
				t.Errorf("writes %q, want one start", starts)
			}
		})
	}
}

// awaitRequest waits until the fake has answered a Graph request matching
// line, for at most a minute.
func awaitRequest(t *testing.T, fake *fakegraph.Server, line *regexp.Regexp) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, l := range acctest.GraphRequestLines(fake) {
			if line.MatchString(l) {
				return
			}
		}
	}
	t.Fatalf("no request %s within a minute\n%s", line, acctest.DescribeRequests(fake))
}

// savedRun reads the run's status and taint from the state file.
func savedRun(t *testing.T, cli *acctest.CLIRun) (status string, tainted bool) {
	t.Helper()
	data, err := os.ReadFile(cli.Dir + "/terraform.tfstate")
	if err != nil {
		t.Fatalf("no state after the interrupted apply: %v", err)
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Status     string         `json:"status"`
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Resources {
		if r.Type == "industrydata_run" && len(r.Instances) == 1 {
			i := r.Instances[0]
			return fmt.Sprint(i.Attributes["status"]), i.Status == "tainted"
		}
	}
	t.Fatalf("no industrydata_run in the state:\n%s", data)
	return "", false
}
