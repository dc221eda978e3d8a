# A reference definition is imported by its id, "{reference_type}-{code}"
# (the industrydata_reference_definitions data source lists them), built-in
# definitions of the extensible types included.
terraform import industrydata_reference_definition.grade_9 RefGradeLevel-09
