"""The Contacts page: the contact table, the contact and segment dialogs, and the
import (file, mapping, preview) and export of contact lists."""
