"""Round workbooks out to the units (:mod:`.send`) and their returns read back (:mod:`.receive`)."""
