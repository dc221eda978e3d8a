package outboundflow

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

func ptr(s string) *string { return &s }

// Graph answers a user flow's configurations without role group and with
// the password masked: both come from the known model at the same position,
// and a configuration Graph holds without password settings has none.
func TestUserFlowFromGraph_keepsWhatGraphDoesNotReturn(t *testing.T) {
	known := &userFlowModel{CreationConfigurations: []userConfigModel{
		{RoleGroupID: types.StringValue("staff"), DefaultPassword: types.StringValue("Pa55word!"), DefaultPasswordWOVersion: types.Int64Null()},
		{RoleGroupID: types.StringValue("students"), DefaultPassword: types.StringValue("Other!"), DefaultPasswordWOVersion: types.Int64Null()},
	}}
	masked := ptr("***************")
	got := userFlowFromGraph(&graph.ProvisioningFlow{User: &graph.UserFlowSettings{Configurations: []graph.UserConfiguration{
		{LicenseSkus: []string{"sku"}, DefaultPassword: masked},
		{DefaultPassword: nil},
		{DefaultPassword: masked},
	}}}, known)
	tests := []struct {
		name             string
		i                int
		roleGroup, value types.String
	}{
		{"kept by position", 0, types.StringValue("staff"), types.StringValue("Pa55word!")},
		{"no password settings in Graph", 1, types.StringValue("students"), types.StringNull()},
		{"added outside: nothing known", 2, types.StringNull(), types.StringNull()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := got.CreationConfigurations[tt.i]
			if !c.RoleGroupID.Equal(tt.roleGroup) || !c.DefaultPassword.Equal(tt.value) {
				t.Errorf("role group %v, password %v; want %v, %v", c.RoleGroupID, c.DefaultPassword, tt.roleGroup, tt.value)
			}
		})
	}
}

// Role codes Graph spells in another case keep the known spelling; other
// codes are Graph's.
func TestKeepSpelling(t *testing.T) {
	known := stringValues([]string{"teacher", "paraProfessional"})
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"respelled by Graph", []string{"teacher", "paraprofessional"}, []string{"teacher", "paraProfessional"}},
		{"another code", []string{"teacher", "aide"}, []string{"teacher", "aide"}},
		{"one more code", []string{"teacher", "paraprofessional", "aide"}, []string{"teacher", "paraprofessional", "aide"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stringsOf(keepSpelling(known, tt.got)); !equalModels(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// The password sent is the sensitive one, else the write-only one copied
// in for the request, else none.
func TestUserConfigPassword(t *testing.T) {
	tests := []struct {
		name      string
		sensitive types.String
		writeOnly types.String
		want      *string
	}{
		{"sensitive", types.StringValue("a"), types.StringNull(), ptr("a")},
		{"write-only", types.StringNull(), types.StringValue("b"), ptr("b")},
		{"none", types.StringNull(), types.StringNull(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := userConfigModel{DefaultPassword: tt.sensitive, DefaultPasswordWO: tt.writeOnly}.password()
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
