package fakegraph

import (
	"net/http"
	"testing"
	"time"
)

// With RunDuration a started run ends by itself: completed, stamped with its
// end time, with statistics. Without it, it stays running.
func TestStartedRunEndsAfterRunDuration(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		duration   time.Duration
		wantStatus string
	}{{0, "running"}, {time.Minute, "completed"}} {
		s, clock := sampleServer(t, Options{RunDuration: tt.duration})
		op := graphCall(t, s, http.MethodGet, startRun(t, s, runsPath+"/start"), "").object(t)
		clock.Advance(30 * time.Second)
		if run := graphCall(t, s, http.MethodGet, op["resourceLocation"].(string), "").object(t); run["status"] != "running" {
			t.Fatalf("duration %v, after 30 s: %v", tt.duration, run)
		}
		clock.Advance(31 * time.Second)
		run := graphCall(t, s, http.MethodGet, op["resourceLocation"].(string), "").object(t)
		if run["status"] != tt.wantStatus {
			t.Fatalf("duration %v, after 61 s: status %v, want %s", tt.duration, run["status"], tt.wantStatus)
		}
		if tt.duration == 0 {
			continue
		}
		start, _ := time.Parse(time.RFC3339Nano, run["startDateTime"].(string))
		end, _ := time.Parse(time.RFC3339Nano, run["endDateTime"].(string))
		if end.Sub(start) != tt.duration {
			t.Errorf("endDateTime %v, want start + %v", run["endDateTime"], tt.duration)
		}
		stats := graphCall(t, s, http.MethodGet, op["resourceLocation"].(string)+"/getStatistics", "").object(t)
		if stats["status"] != "completed" {
			t.Errorf("statistics %v", stats)
		}
	}
}
