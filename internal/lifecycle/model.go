package lifecycle

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Model converts between a Terraform object value (a resource's state, plan
// or configuration) and a model struct M whose every field is an attr.Value
// tagged `tfsdk:"name"`: what State.Get and State.Set do, with the field
// table and the types worked out once instead of on every call. In `make
// bench`'s refresh, State.Get and State.Set on industrydata_run were a third
// of the provider's own CPU, much of it the framework's reflection re-reading
// struct tags (checking each name with a regular expression) every time.
type Model[M any] struct {
	objectType func() types.ObjectType
	once       sync.Once
	typ        types.ObjectType
	terraform  tftypes.Type
	fields     []modelField
	err        error
}

type modelField struct {
	name  string
	index int
}

// NewModel describes M for objects of the type objectType returns (the
// schema's type; called once, on first use).
func NewModel[M any](objectType func() types.ObjectType) *Model[M] {
	return &Model[M]{objectType: objectType}
}

func (m *Model[M]) init() error {
	m.once.Do(func() {
		m.typ = m.objectType()
		m.terraform = m.typ.TerraformType(context.Background())
		st := reflect.TypeFor[M]()
		valueType := reflect.TypeFor[attr.Value]()
		for i := range st.NumField() {
			f := st.Field(i)
			name := f.Tag.Get("tfsdk")
			if _, ok := m.typ.AttrTypes[name]; !ok || !f.Type.Implements(valueType) {
				m.err = fmt.Errorf("%s.%s: want an attr.Value tagged with one of the schema's attributes", st, f.Name)
				return
			}
			m.fields = append(m.fields, modelField{name: name, index: i})
		}
		if len(m.fields) != len(m.typ.AttrTypes) {
			m.err = fmt.Errorf("%s has %d fields for %d attributes", st, len(m.fields), len(m.typ.AttrTypes))
		}
	})
	return m.err
}

// Get reads raw, an object of the model's type, into a model.
func (m *Model[M]) Get(ctx context.Context, raw tftypes.Value) (M, error) {
	var out M
	if err := m.init(); err != nil {
		return out, err
	}
	if raw.Type() == nil || !raw.Type().Equal(m.terraform) {
		return out, fmt.Errorf("%s: got a value of type %s", reflect.TypeFor[M](), raw.Type())
	}
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return out, err
	}
	rv := reflect.ValueOf(&out).Elem()
	for _, f := range m.fields {
		v, err := FrameworkValue(ctx, m.typ.AttrTypes[f.name], attrs[f.name])
		if err != nil {
			return out, fmt.Errorf("%s: %w", f.name, err)
		}
		field := rv.Field(f.index)
		if !reflect.TypeOf(v).AssignableTo(field.Type()) {
			return out, fmt.Errorf("%s: a %T cannot hold a %T", f.name, field.Interface(), v)
		}
		field.Set(reflect.ValueOf(v))
	}
	return out, nil
}

// Value is model as a Terraform object value.
func (m *Model[M]) Value(ctx context.Context, model *M) (tftypes.Value, error) {
	if err := m.init(); err != nil {
		return tftypes.Value{}, err
	}
	rv := reflect.ValueOf(model).Elem()
	attrs := make(map[string]tftypes.Value, len(m.fields))
	objectType := m.terraform.(tftypes.Object)
	for _, f := range m.fields {
		v, err := TerraformValue(ctx, objectType.AttributeTypes[f.name], rv.Field(f.index).Interface().(attr.Value))
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", f.name, err)
		}
		attrs[f.name] = v
	}
	return tftypes.NewValue(m.terraform, attrs), nil
}
