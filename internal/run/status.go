package run

import (
	"fmt"
	"slices"
	"strings"
)

// settableStatuses are the statuses a client may set. Graph's
// unknownFutureValue is its evolvable-enum sentinel, never set by a client.
var settableStatuses = []string{"running", "failed", "completed", "completedWithErrors", "completedWithWarnings"}

// finalStatuses mean the run has ended ("failed" is "canceled by the system").
var finalStatuses = []string{"completed", "completedWithErrors", "completedWithWarnings", "failed"}

func isFinal(status string) bool { return slices.Contains(finalStatuses, status) }

func joinStatuses(sep string) string { return strings.Join(settableStatuses, sep) }

// checkTransition says whether a run in status from may be set to status to.
// A run that has ended cannot be restarted or re-ended with another outcome.
func checkTransition(from, to string) error {
	if from == "" || to == "" || from == to || !isFinal(from) {
		return nil
	}
	return fmt.Errorf("the industry data run has ended with status %q, which is final; it cannot be set to %q. "+
		"Usually the fix is to stop setting status in the configuration of a run that has ended: remove status, "+
		"and the resource follows the run. Final statuses (%s) never change; to run again, start a new run "+
		"(an industrydata_run without run_id)",
		from, to, strings.Join(finalStatuses, ", "))
}
