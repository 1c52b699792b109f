from pydantic import BaseModel, ConfigDict


class RecordModel(BaseModel):
    """Base of every record model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
