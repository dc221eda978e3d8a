package process

import "testing"

func TestQuietUnreadLogs(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		off  bool
	}{
		{"no log variable: SDK logs off", map[string]string{}, true},
		{"TF_LOG set: untouched", map[string]string{"TF_LOG": "trace"}, false},
		{"TF_LOG_PROVIDER set: untouched", map[string]string{"TF_LOG_PROVIDER": "debug"}, false},
		{"TF_LOG_SDK_PROTO set: untouched", map[string]string{"TF_LOG_SDK_PROTO": "trace"}, false},
		{"TF_LOG_PROVIDER_INDUSTRYDATA set: untouched", map[string]string{"TF_LOG_PROVIDER_INDUSTRYDATA": "debug"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := map[string]string{}
			QuietUnreadLogs(func(k string) string { return tt.env[k] }, func(k, v string) error { set[k] = v; return nil })
			if got := set["TF_LOG_SDK_PROTO"] == "off" && set["TF_LOG_SDK"] == "off" && set["TF_LOG_SDK_FRAMEWORK"] == "off" &&
				set["TF_LOG_PROVIDER_INDUSTRYDATA"] == "off"; got != tt.off {
				t.Errorf("SDK and provider logs switched off: %v, want %v (set %v)", got, tt.off, set)
			}
			if !tt.off && len(set) != 0 {
				t.Errorf("changed the environment although logs were asked for: %v", set)
			}
		})
	}
}
