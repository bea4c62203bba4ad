/**
 * The Oracle FLEXCUBE Universal Banking (FCUBS) CBS plugin: {@link io.coregate.plugins.flexcube.FlexcubeAdapterFactory}
 * (the PF4J extension) reads the tenant's settings once into {@link io.coregate.plugins.flexcube.FlexcubeSettings},
 * {@link io.coregate.plugins.flexcube.FlexcubeClient} speaks the FCUBS gateway's SOAP services ({@code FCUBS_HEADER},
 * {@code MSGSTAT}, {@code ERROR[ECODE, EDESC]}) with the JDK's HTTP client and {@link io.coregate.plugins.flexcube.Soap}
 * (StAX out, DOM in, no DTDs), and {@link io.coregate.plugins.flexcube.FlexcubeAdapter} maps the SPI's operations onto
 * customer accounts, customers, balances, amount blocks ({@link io.coregate.plugins.flexcube.AmountBlocks}) and retail
 * teller transactions ({@link io.coregate.plugins.flexcube.Postings}: one per leg, XREF = the leg key).
 */
package io.coregate.plugins.flexcube;
