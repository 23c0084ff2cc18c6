"""KIN data layer: strict YAML loading, schema validation and cross-references.

This package has no dependency on MkDocs; the site layer (``kin_site``) and any
future static-site generator consume the validated ``Dataset`` it returns.
"""

from kin.dataset import Dataset, load_dataset
from kin.errors import DataError, DataValidationError

# kin.export (iCalendar, feeds, JSON) is imported where it is used, so that
# validating data does not pay for icalendar.
__all__ = ["DataError", "DataValidationError", "Dataset", "load_dataset"]
