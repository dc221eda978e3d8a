package graph

import (
	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models/industrydata"
)

// runBody decodes a run with the SDK's model and adds what that model lacks:
// the statistics property the service may inline in a run.
type runBody struct {
	*industrydata.IndustryDataRun
	statistics industrydata.IndustryDataRunStatisticsable
}

func createRunBody(absser.ParseNode) (absser.Parsable, error) {
	return &runBody{IndustryDataRun: industrydata.NewIndustryDataRun()}, nil
}

func (r *runBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error {
	fields := r.IndustryDataRun.GetFieldDeserializers()
	fields["statistics"] = func(n absser.ParseNode) error {
		v, err := n.GetObjectValue(industrydata.CreateIndustryDataRunStatisticsFromDiscriminatorValue)
		if err != nil || v == nil {
			return err
		}
		r.statistics = v.(industrydata.IndustryDataRunStatisticsable)
		return nil
	}
	return fields
}

func (r *runBody) toRun() *Run {
	out := &Run{
		ID:            deref(r.GetId()),
		DisplayName:   deref(r.GetDisplayName()),
		StartDateTime: r.GetStartDateTime(),
		EndDateTime:   r.GetEndDateTime(),
		Status:        runStatus(r.GetStatus()),
		Statistics:    statisticsFromSDK(r.statistics),
	}
	if e := r.GetBlockingError(); e != nil {
		out.BlockingError = &PublicError{Code: deref(e.GetCode()), Message: deref(e.GetMessage()), Target: deref(e.GetTarget())}
	}
	return out
}

// runPage is one page of GET /runs, with runs decoded as runBody.
type runPage struct {
	value    []*runBody
	nextLink string
}

func createRunPage(absser.ParseNode) (absser.Parsable, error) { return &runPage{}, nil }

func (p *runPage) GetFieldDeserializers() map[string]func(absser.ParseNode) error {
	return map[string]func(absser.ParseNode) error{
		"value": func(n absser.ParseNode) error {
			items, err := n.GetCollectionOfObjectValues(createRunBody)
			if err != nil {
				return err
			}
			for _, item := range items {
				p.value = append(p.value, item.(*runBody))
			}
			return nil
		},
		"@odata.nextLink": func(n absser.ParseNode) error {
			v, err := n.GetStringValue()
			p.nextLink = deref(v)
			return err
		},
	}
}

// Serialize is never used: runPage is only read.
func (p *runPage) Serialize(absser.SerializationWriter) error { return nil }
