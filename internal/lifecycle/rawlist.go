package lifecycle

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// RawListType is the type of a large computed list of a data source
// (industrydata_runs.runs). Its values stay in Terraform's form until
// provider code asks for their elements (ToListValue).
//
// Why: after every read the framework converts each attribute of a data
// source's new state into framework values, to offer them to semantic
// equality. For 5,000 listed runs that conversion built 35,000 framework
// values per read, a third of the provider's CPU (make bench), although a
// computed list has no prior value to be equal to. With this type it is a
// pointer copy. Everything else (the schema, the state Terraform receives,
// what configuration can say) is that of a plain list.
type RawListType struct {
	basetypes.ListType
}

var (
	_ basetypes.ListTypable  = RawListType{}
	_ basetypes.ListValuable = RawListValue{}
)

// NewRawListType is a RawListType of elements of type elem.
func NewRawListType(elem attr.Type) RawListType {
	return RawListType{ListType: basetypes.ListType{ElemType: elem}}
}

// ValueFromTerraform keeps v as it is, after the check a plain list makes.
func (t RawListType) ValueFromTerraform(ctx context.Context, v tftypes.Value) (attr.Value, error) {
	if v.Type() == nil {
		return RawListValue{elemType: t.ElemType}, nil
	}
	if want := t.TerraformType(ctx); !v.Type().Equal(want) {
		return nil, fmt.Errorf("can't use %s as a value of %s", v.Type(), want)
	}
	return RawListValue{raw: &v, elemType: t.ElemType}, nil
}

// ValueFromList wraps a framework list.
func (t RawListType) ValueFromList(ctx context.Context, v basetypes.ListValue) (basetypes.ListValuable, diag.Diagnostics) {
	raw, err := v.ToTerraformValue(ctx)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Cannot convert a list", err.Error())
		return nil, diags
	}
	return RawListValue{raw: &raw, elemType: t.ElemType}, nil
}

// ValueType is the value RawListType makes.
func (t RawListType) ValueType(context.Context) attr.Value {
	return RawListValue{elemType: t.ElemType}
}

// Equal is true for a RawListType of the same elements.
func (t RawListType) Equal(o attr.Type) bool {
	other, ok := o.(RawListType)
	return ok && t.ListType.Equal(other.ListType)
}

func (t RawListType) String() string {
	return "lifecycle.RawListType[" + t.ElementType().String() + "]"
}

// RawListValue is a value of RawListType: Terraform's value, as received or
// as built by the provider. The zero value, with no raw value, is null.
type RawListValue struct {
	raw      *tftypes.Value
	elemType attr.Type
}

// Type is the value's RawListType.
func (v RawListValue) Type(context.Context) attr.Type { return NewRawListType(v.elemType) }

// ToTerraformValue returns the value as Terraform has it.
func (v RawListValue) ToTerraformValue(ctx context.Context) (tftypes.Value, error) {
	if v.raw == nil {
		return tftypes.NewValue(v.Type(ctx).TerraformType(ctx), nil), nil
	}
	return *v.raw, nil
}

// IsNull reports a null list.
func (v RawListValue) IsNull() bool { return v.raw == nil || v.raw.IsNull() }

// IsUnknown reports a list not known yet.
func (v RawListValue) IsUnknown() bool { return v.raw != nil && !v.raw.IsKnown() }

// Equal compares by identity first: the framework compares a value with
// itself after every read, and a deep comparison of thousands of elements
// would undo the point of the type.
func (v RawListValue) Equal(o attr.Value) bool {
	other, ok := o.(RawListValue)
	switch {
	case !ok || !v.Type(context.Background()).Equal(other.Type(context.Background())):
		return false
	case v.raw == other.raw:
		return true
	case v.IsNull() || other.IsNull():
		return v.IsNull() == other.IsNull()
	}
	return v.raw.Equal(*other.raw)
}

// ToListValue converts the elements to framework values, for code that needs them.
func (v RawListValue) ToListValue(ctx context.Context) (basetypes.ListValue, diag.Diagnostics) {
	var diags diag.Diagnostics
	if v.raw == nil {
		return basetypes.NewListNull(v.elemType), diags
	}
	converted, err := basetypes.ListType{ElemType: v.elemType}.ValueFromTerraform(ctx, *v.raw)
	if err != nil {
		diags.AddError("Cannot convert a list", err.Error())
		return basetypes.NewListUnknown(v.elemType), diags
	}
	return converted.(basetypes.ListValue), diags
}

func (v RawListValue) String() string {
	list, diags := v.ToListValue(context.Background())
	if diags.HasError() {
		return "<invalid list>"
	}
	return list.String()
}
