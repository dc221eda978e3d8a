package connector

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// Connector validation: with validate = true, each create and update runs
// Graph's validate action, polls the operation it starts and stores what
// it found in last_validation. Errors fail the apply (Graph's "succeeded"
// can carry errors: finished is not valid); warnings are warnings.

// validationInterval is the pause between two reads of the operation: Graph
// asks clients to poll no more often than every 5 s.
const validationInterval = 5 * time.Second

// validationSleep is how the provider waits between two reads; tests swap
// it for one that advances the fake's clock (see export_test.go).
var validationSleep = struct {
	sync.Mutex
	f func(ctx context.Context, d time.Duration) error
}{f: lifecycle.Sleep}

func sleepBetweenPolls(ctx context.Context, d time.Duration) error {
	validationSleep.Lock()
	f := validationSleep.f
	validationSleep.Unlock()
	return f(ctx, d)
}

var (
	publicErrorType     = types.ObjectType{AttrTypes: map[string]attr.Type{"code": types.StringType, "message": types.StringType, "target": types.StringType}}
	lastValidationTypes = map[string]attr.Type{
		"status":          types.StringType,
		"errors":          types.ListType{ElemType: publicErrorType},
		"warnings":        types.ListType{ElemType: publicErrorType},
		"validated_files": types.ListType{ElemType: types.StringType},
	}
)

// validationAttributes are the validate switch and what it found.
func validationAttributes() map[string]schema.Attribute {
	problems := func(what string) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: what + ", each with Graph's `code`, `message` and `target`.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"code": schema.StringAttribute{Computed: true}, "message": schema.StringAttribute{Computed: true},
				"target": schema.StringAttribute{Computed: true},
			}},
		}
	}
	return map[string]schema.Attribute{
		"validate": schema.BoolAttribute{
			Optional: true, Computed: true, Default: booldefault.StaticBool(false),
			MarkdownDescription: "Run Graph's validation of the connector after each create and update, wait for it (reading " +
				"the operation every 5 s, within the create or update timeout) and fail the apply when it finds errors. " +
				"Default `false`.",
		},
		"last_validation": schema.SingleNestedAttribute{
			Computed:            true,
			MarkdownDescription: "What the last validation run by this resource found; null when `validate` is false.",
			Attributes: map[string]schema.Attribute{
				"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "Final status of the operation: `succeeded` or `failed`."},
				"errors":          problems("Errors found (even a `succeeded` validation can have some)"),
				"warnings":        problems("Warnings found"),
				"validated_files": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Files Graph validated."},
			},
		},
	}
}

// validateOrFalse is validate as stored: false when unset (after an import).
func validateOrFalse(v types.Bool) types.Bool {
	if v.IsNull() || v.IsUnknown() {
		return types.BoolValue(false)
	}
	return v
}

// knownValidation is last_validation as a refresh keeps it: what the last
// validation found (Graph keeps no link from a connector to it), null when
// not known yet (AfterWrite then sets it).
func knownValidation(v types.Object) types.Object {
	if v.IsUnknown() {
		return types.ObjectNull(lastValidationTypes)
	}
	return v
}

// lastValidation runs the validation when validate is true and returns
// last_validation; errors and warnings go to diags.
func lastValidation(ctx context.Context, c *graph.Client, id string, validate types.Bool, diags *diag.Diagnostics) types.Object {
	none := types.ObjectNull(lastValidationTypes)
	if !validate.ValueBool() {
		return none
	}
	opID, err := c.ValidateDataConnector(ctx, id)
	if err != nil {
		lifecycle.Failed(diags, "validate", "data connector", id, err)
		return none
	}
	var v *graph.Validation
	err = lifecycle.Poll(ctx, "the validation "+opID+" of data connector "+id, func() (bool, error) {
		v, err = c.GetValidation(ctx, opID)
		return err == nil && v.Finished(), err
	}, lifecycle.PollEvery(validationInterval, validationInterval), lifecycle.PollSleep(sleepBetweenPolls))
	if err != nil {
		lifecycle.Failed(diags, "validate", "data connector", id, err)
		return none
	}
	reportValidation(id, v, diags)
	obj, d := types.ObjectValue(lastValidationTypes, map[string]attr.Value{
		"status": types.StringValue(v.Status), "errors": problemList(v.Errors), "warnings": problemList(v.Warnings),
		"validated_files": stringList(v.ValidatedFiles),
	})
	diags.Append(d...)
	return obj
}

// reportValidation turns errors (and a failed status) into an error and
// warnings into a warning, each listing them.
func reportValidation(id string, v *graph.Validation, diags *diag.Diagnostics) {
	at := path.Root("validate")
	if len(v.Errors) > 0 || v.Status == "failed" {
		detail := fmt.Sprintf("Graph's validation of data connector %s finished with status %s and %d error(s):%s",
			id, v.Status, len(v.Errors), listProblems(v.Errors))
		if v.StatusDetail != "" {
			detail += "\nStatus detail: " + v.StatusDetail
		}
		diags.AddAttributeError(at, "Data connector validation found errors",
			detail+"\nFix the data or the connector's settings, then apply again (the connector itself was saved).")
	}
	if len(v.Warnings) > 0 {
		diags.AddAttributeWarning(at, "Data connector validation found warnings",
			fmt.Sprintf("Graph's validation of data connector %s found %d warning(s):%s", id, len(v.Warnings), listProblems(v.Warnings)))
	}
}

func listProblems(ps []graph.PublicError) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  - %s: %s", p.Code, p.Message)
		if p.Target != "" {
			fmt.Fprintf(&b, " (%s)", p.Target)
		}
	}
	return b.String()
}

func problemList(ps []graph.PublicError) types.List {
	elems := make([]attr.Value, 0, len(ps))
	for _, p := range ps {
		elems = append(elems, types.ObjectValueMust(publicErrorType.AttrTypes, map[string]attr.Value{
			"code": types.StringValue(p.Code), "message": types.StringValue(p.Message), "target": optional(p.Target),
		}))
	}
	return types.ListValueMust(publicErrorType, elems)
}

func stringList(ss []string) types.List {
	elems := make([]attr.Value, 0, len(ss))
	for _, s := range ss {
		elems = append(elems, types.StringValue(s))
	}
	return types.ListValueMust(types.StringType, elems)
}
