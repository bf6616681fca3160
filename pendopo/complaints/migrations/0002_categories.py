"""Reference data: complaint categories (slug, name, suggested agency slug). Both ways."""

from django.db import migrations

CATEGORIES = [
    ("infrastruktur", "Jalan, jembatan dan bangunan umum", "dinaspu"),
    ("pengairan", "Irigasi, drainase dan banjir", "pengairan"),
    ("kesehatan", "Kesehatan dan puskesmas", "dinkes"),
    ("pendidikan", "Pendidikan dan sekolah", "pendidikan"),
    ("kependudukan", "KTP, KK, akta dan administrasi kependudukan", "dispendukcapil"),
    ("sosial", "Bantuan sosial", "dinsos"),
    ("lingkungan", "Sampah dan lingkungan hidup", "dlh"),
    ("perhubungan", "Lalu lintas dan angkutan", "dishub"),
    ("perizinan", "Perizinan dan penanaman modal", "dpmptspbwi"),
    ("ketertiban", "Ketertiban umum", "satpolpp"),
    ("pengadaan", "Pengadaan barang dan jasa", "inspektorat"),
    ("pelayanan-publik", "Pelayanan publik lainnya", ""),
    ("desa", "Pemerintahan desa dan kelurahan", ""),
    ("informasi", "Informasi dan situs web pemerintah", "diskominfo"),
    ("lainnya", "Lainnya", ""),
]


def add(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    for position, (slug, name, agency_slug) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "agency_slug": agency_slug, "position": position}
        )


def remove(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    Category.objects.filter(slug__in=[c[0] for c in CATEGORIES], cases__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
