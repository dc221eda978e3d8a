package graph

import "context"

// Year is a yearTimePeriodDefinition: a school year. Dates are Graph's
// Edm.Date text, "YYYY-MM-DD"; Code is the year's reference code ("2025").
type Year struct {
	ID          string
	DisplayName string
	StartDate   string
	EndDate     string
	Code        string
}

// CollectionYears is where years live under /external/industryData.
const CollectionYears = "years"

// yearWire is a yearTimePeriodDefinition's JSON.
type yearWire struct {
	ID          string    `json:"id,omitempty"`
	DisplayName string    `json:"displayName"`
	StartDate   string    `json:"startDate"`
	EndDate     string    `json:"endDate"`
	Year        *codeWire `json:"year"`
}

var years = &entitySpec[Year, yearWire]{
	docs: entityDocs{
		one: "year", many: "years", collection: CollectionYears,
		read: "IndustryData-TimePeriod.Read.All", write: "IndustryData-TimePeriod.ReadWrite.All",
		itemPage: "industrydata-yeartimeperioddefinition", rootTag: "years",
	},
	// The update page lists displayName, startDate and endDate: the year's
	// code is create-only.
	updatable: []string{"displayName", "startDate", "endDate"},
	toWire: func(_ *Client, y Year) yearWire {
		return yearWire{ID: y.ID, DisplayName: y.DisplayName, StartDate: y.StartDate, EndDate: y.EndDate, Year: &codeWire{y.Code}}
	},
	fromWire: func(w yearWire) Year {
		return Year{ID: w.ID, DisplayName: w.DisplayName, StartDate: w.StartDate, EndDate: w.EndDate, Code: codeOf(w.Year)}
	},
}

func init() { years.kinds = registerEntity(years.docs) }

// GetYear reads one year.
func (c *Client) GetYear(ctx context.Context, id string) (*Year, error) { return years.get(ctx, c, id) }

// ListYears reads every year, all pages.
func (c *Client) ListYears(ctx context.Context) ([]Year, error) { return years.list(ctx, c) }

// CreateYear creates a year (its ID is ignored).
func (c *Client) CreateYear(ctx context.Context, y Year) (*Year, error) {
	y.ID = ""
	return years.create(ctx, c, y)
}

// UpdateYear sends one PATCH of what differs between prior and desired and
// returns the year as Graph now holds it; nil when nothing differs.
func (c *Client) UpdateYear(ctx context.Context, id string, prior, desired Year) (*Year, error) {
	return years.update(ctx, c, id, prior, desired)
}

// DeleteYear deletes a year; one already gone is no error.
func (c *Client) DeleteYear(ctx context.Context, id string) error { return years.delete(ctx, c, id) }
