// Package process prepares the provider's process before it serves
// Terraform, with settings that `make bench` showed to matter at scale. The
// provider's main and the bench's profiled build both call Prepare, so what
// is profiled is what is released.
package process

// Prepare quiets the SDK's unread logs unless the user asked for logs.
//
// It leaves the Go runtime's memory settings alone: a soft memory limit
// (112 MiB) kept the provider near 135 MB at N = 1000 instead of ~195 MB, but
// made reading 5,000 runs through industrydata_runs three times slower
// (18 s → 51–57 s), the collector running without pause once what is live
// exceeds the limit. GOMEMLIMIT in the environment still applies.
func Prepare(getenv func(string) string, setenv func(string, string) error) {
	QuietUnreadLogs(getenv, setenv)
}

// logVars are the variables by which a user asks to see provider logs.
var logVars = []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_INDUSTRYDATA"}

// QuietUnreadLogs switches the plugin SDK's loggers and the provider's own
// off when no log variable is set. Unset, they log every RPC (and every Graph
// request, with its headers and body) at TRACE to stderr, which Terraform
// parses and then drops: measured in `make bench`, 10–30 % of the wall time
// of a large plan or apply for the SDK's alone. With any of logVars set,
// nothing changes.
//
// The provider's own logger (tflog) takes its level from
// TF_LOG_PROVIDER_INDUSTRYDATA only: terraform-plugin-go derives the name from
// the provider's address, and TF_LOG_PROVIDER does not reach it.
func QuietUnreadLogs(getenv func(string) string, setenv func(string, string) error) {
	for _, name := range logVars {
		if getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_INDUSTRYDATA"} {
		_ = setenv(name, "off")
	}
}
