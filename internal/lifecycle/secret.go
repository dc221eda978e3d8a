package lifecycle

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A secret Graph never returns (a client secret, a default password) is
// offered two ways: name, Sensitive and kept in state from the
// configuration, or name_wo, write-only (never in plan or state, for CLIs
// that support write-only attributes), sent when name_wo_version changes.

// SecretAttributes are a secret's three attributes: name, name_wo and
// name_wo_version, with the descriptions of the first two. The rule that
// exactly one of name and name_wo is given stays with the resource (a
// nested block's attributes are checked only when it is given).
func SecretAttributes(name, sensitiveDesc, writeOnlyDesc string) map[string]schema.Attribute {
	wo, version := name+"_wo", name+"_wo_version"
	return map[string]schema.Attribute{
		name: schema.StringAttribute{
			Optional: true, Sensitive: true, MarkdownDescription: sensitiveDesc,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		wo: schema.StringAttribute{
			Optional: true, Sensitive: true, WriteOnly: true, MarkdownDescription: writeOnlyDesc,
			Validators: []validator.String{
				stringvalidator.LengthAtLeast(1),
				stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName(version)),
			},
		},
		version: schema.Int64Attribute{
			Optional:            true,
			MarkdownDescription: "Any number; change it to send a new `" + wo + "`.",
			Validators:          []validator.Int64{int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName(wo))},
		},
	}
}

// WriteOnlySecret is where a model holds a write-only secret for a request
// (Value, never stored) and its version.
type WriteOnlySecret struct {
	Value   *types.String
	Version types.Int64
}

// CarryWriteOnly copies the configuration's write-only value into the
// desired model, and into the prior one (nil on create) when the version
// did not change: the secret then counts as changed only with its version,
// and a request sent for another change carries the current secret.
func CarryWriteOnly(config types.String, desired WriteOnlySecret, prior *WriteOnlySecret) {
	if config.IsNull() {
		return
	}
	*desired.Value = config
	if prior != nil && prior.Version.Equal(desired.Version) {
		*prior.Value = config
	}
}
