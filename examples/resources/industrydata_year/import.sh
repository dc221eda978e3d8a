# A year is imported by its id, the GUID that Graph gives it (the
# industrydata_years data source lists them).
terraform import industrydata_year.current 5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f
