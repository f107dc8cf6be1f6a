"""The payroll plugin's part of the demo org (hook ``demo_seeded``): the employer's legal
identity and a numero d'objet per project, so the CDDU contracts and the AEMs of the
demo festival print complete. Written through the plugin's own services (validation,
audit), as the demo owner."""

from __future__ import annotations

from coulisses_payroll import identity
from coulisses_payroll.schemas import PayrollIdentityIn, PayrollLicence, PayrollProjectIdentityIn
from coulisses_sdk import Principal, iter_projects

#: A made-up employer: its SIRET's SIREN and SIRET keys pass the Luhn check.
DEMO_IDENTITY = PayrollIdentityIn(
    legal_name="Les Nuits de Juillet (association)",
    address="1 place du Palais, 84000 Avignon",
    siret="90123456700013",
    ape="90.01Z",
    idcc="1285",
    licences=[PayrollLicence(category=2, number="PLATESV-R-2027-000001")],
)


async def seed(org_id: int, account_id: int) -> None:
    owner = Principal(account_id=account_id, email="", org_id=org_id, role="owner")
    await identity.put_identity(owner, DEMO_IDENTITY)
    number = 0
    async for project in iter_projects(org_id):
        number += 1
        await identity.put_project_identity(
            owner,
            project.project_id,
            PayrollProjectIdentityIn(numero_objet=f"FT-2027-{number:04d}"),
        )
